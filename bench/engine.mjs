// Runs one engine on one file in its own process and prints what it took:
//   node bench/engine.mjs yesan bench/data/budget-1m.csv
const [name, path] = process.argv.slice(2);
const by = ["실국명", "부서명"];
const { run } = await import(`./engines/${name}.mjs`);
const result = await run(path, by);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ engine: name, ...result, peak }));
