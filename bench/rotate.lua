-- rotate.lua: wrk script of the serving benchmark. Each wrk thread walks the
-- request targets of a file (one a line, made by bench/urls.py) from its own
-- starting point, so consecutive requests never repeat a URL and no single hot
-- entry is measured. Requests are formatted once, in init.
--
--   wrk -t2 -c32 -d4s -s bench/rotate.lua http://127.0.0.1:PORT -- urls.txt
--
-- done() prints one line, "RESULT {json}", that bench/run.sh reads: requests,
-- req/s, p50/p99 latency (microseconds), bytes, and the errors: "non2xx" is
-- the count of answers with a status >= 400 as wrk's parser counts them (the
-- benchmark sends no If-None-Match, so a 3xx is never expected either), plus
-- socket connect/read/write errors and timeouts. A response() function is
-- deliberately not defined: with it, wrk copies every body into Lua, which
-- would make the load generator, which shares the CPU, the bottleneck.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local reqs = {}
local n = 0
local i = 0

function init(args)
   local file = args[1]
   for line in io.lines(file) do
      if #line > 0 then
         n = n + 1
         reqs[n] = wrk.format("GET", line)
      end
   end
   if n == 0 then
      error("no URLs in " .. tostring(file))
   end
   -- Threads start at offsets spread by the golden ratio.
   i = math.floor((tid or 0) * 0.6180339887 * n) % n
end

function request()
   i = i + 1
   if i > n then i = 1 end
   return reqs[i]
end

function done(summary, latency, requests)
   local e = summary.errors
   local secs = summary.duration / 1e6
   io.write(string.format(
      'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p90_us":%d,' ..
      '"p99_us":%d,"max_us":%d,"bytes":%d,"non2xx":%d,"connect":%d,"read":%d,' ..
      '"write":%d,"timeout":%d}\n',
      summary.requests, secs, summary.requests / secs, latency:percentile(50),
      latency:percentile(90), latency:percentile(99), latency.max, summary.bytes,
      e.status, e.connect, e.read, e.write, e.timeout))
end
