-- wrk: anyone's check of a sealed document, POST /api/v1/public/verifications with the file as the
-- raw body. tests/bench/stamps.sh names the file in KUTSE_BENCH_DOCUMENT and its media type in
-- KUTSE_BENCH_DOCUMENT_TYPE.
local file = assert(io.open(os.getenv("KUTSE_BENCH_DOCUMENT"), "rb"))
wrk.method = "POST"
wrk.path = "/api/v1/public/verifications"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = os.getenv("KUTSE_BENCH_DOCUMENT_TYPE")
