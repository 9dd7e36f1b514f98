-- wrk: each request searches the public register for another part of a name, as people type them.
local names = {"õun", "OUN", "smidt", "šmidt", "maasikas", "kask", "tamm", "mägi", "rebane", "ilves",
               "pärn", "kõiv", "lepik", "jõgi", "raudsepp", "lõhmus", "žukov", "mölder", "põder", "vaher",
               "kadri", "toomas", "ülle", "tõnu", "märt", "kätlin", "piret", "siiri", "raivo", "eha"}
local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/public/certificates?limit=20&name=" .. encode(names[(counter % #names) + 1]))
end
