-- wrk script: POST /api/extract with the article in RASD_ARTICLE (a JSON
-- request body prepared by bench/server_bench.sh).
local f = assert(io.open(os.getenv("RASD_ARTICLE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

-- Any non-200 answer is counted and reported: a fast error is not a result.
local bad = 0
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("non-200 responses (last thread): %d\n", bad))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
