// Compiles contracts/*.sol offline with solc-js (standard JSON) and writes <Name>.abi / <Name>.bin
// for web3j's wrapper generator. Imports resolve from the project's node_modules; no network.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [contractsDir, outDir, nodeModules] = process.argv.slice(2).map((p) => p && path.resolve(p));
if (!contractsDir || !outDir || !nodeModules) {
  console.error('usage: compile-contracts.mjs <contracts dir> <output dir> <node_modules dir>');
  process.exit(2);
}
const solc = createRequire(path.join(nodeModules, 'noop.js'))('solc');

const sources = {};
for (const file of fs.readdirSync(contractsDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(contractsDir, file), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    // Explicit: solc 0.8.37 defaults to osaka, which Besu and Anvil's cancun chains reject.
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const findImports = (importPath) => {
  const file = path.join(nodeModules, importPath);
  return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: `not found: ${importPath}` };
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const message of output.errors || []) console.error(message.formattedMessage);
if (errors.length > 0) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
for (const file of Object.keys(sources)) {
  for (const [name, contract] of Object.entries(output.contracts[file])) {
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outDir, `${name}.bin`), contract.evm.bytecode.object);
    console.log(`compiled ${name} (solc ${solc.version()}, ${contract.evm.bytecode.object.length / 2} bytes)`);
  }
}
