-- wrk script for serve-bench.sh: POSTs the bodies of the Lua table in $BODIES to $TARGET_PATH, in turn.
-- wrk itself counts answers other than 2xx ("Non-2xx or 3xx responses").
local bodies = dofile(os.getenv("BODIES"))
local path = os.getenv("TARGET_PATH")
local headers = {["Content-Type"] = "application/json"}
local n = 0

function init(args)
  n = math.random(#bodies)
end

function request()
  n = n % #bodies + 1
  return wrk.format("POST", path, headers, bodies[n])
end
