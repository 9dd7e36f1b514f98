-- wrk: holders' questions, POST /api/v1/me/requests, as a signed-in browser sends them (session
-- cookie, CSRF token), each with an Idempotency-Key of its own so every request creates one.
-- KUTSE_BENCH_MESSAGE is the question; KUTSE_BENCH_CALLERS lists "session csrf certificate-number"
-- entries separated by ";", which requests take in turn. tests/bench/requests-inbox.sh sets the
-- environment. A question may be asked on any of the holder's certificates, any number of times
-- (domain/eligibility.hpp).
local run = os.getenv("KUTSE_BENCH_RUN")
local message = os.getenv("KUTSE_BENCH_MESSAGE") -- plain text: no JSON escaping needed
local callers = {}
for session, csrf, number in string.gmatch(os.getenv("KUTSE_BENCH_CALLERS"), "([^;%s]+) ([^;%s]+) ([^;]+)") do
  callers[#callers + 1] = {
    headers = {
      ["Content-Type"] = "application/json",
      ["Cookie"] = "kutse_session=" .. session,
      ["X-CSRF-Token"] = csrf,
    },
    body = '{"kind":"question","certificate_number":"' .. number .. '","message":"' .. message .. '"}',
  }
end
assert(#callers > 0, "KUTSE_BENCH_CALLERS names no caller")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local sent = 0
function request()
  sent = sent + 1
  local caller = callers[1 + (sent + thread_id) % #callers]
  -- thread_id is set by setup() in this thread's own Lua state before it starts.
  caller.headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, thread_id, sent)
  return wrk.format("POST", "/api/v1/me/requests", caller.headers, caller.body)
end
