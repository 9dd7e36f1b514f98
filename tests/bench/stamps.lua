-- wrk: the holder's digital stamp, POST /api/v1/me/certificates/{number}/stamps, as a signed-in
-- browser sends it (session cookie, CSRF token). tests/bench/stamps.sh sets the environment; the
-- form (pdf or asice) is KUTSE_BENCH_FORMAT.
wrk.method = "POST"
wrk.path = "/api/v1/me/certificates/" .. os.getenv("KUTSE_BENCH_NUMBER") .. "/stamps"
wrk.body = '{"format":"' .. (os.getenv("KUTSE_BENCH_FORMAT") or "pdf") .. '","language":"et"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "kutse_session=" .. os.getenv("KUTSE_BENCH_SESSION")
wrk.headers["X-CSRF-Token"] = os.getenv("KUTSE_BENCH_CSRF")
