// Test vectors for Quorate's on-chain ids, computed by the chains' own libraries:
// GTV encodings and merkle hashes (postchain-client 1.x and, as a cross-check, 2.x, which
// hashes with a separate implementation), FT4 auth descriptor ids and account ids (@chromia/ft4),
// Casper account hashes (casper-js-sdk).
//
//   npm install && node generate.mjs > ../../resources/vectors/ids/ids.json
//
// Values are written typed, so that a reader in another language rebuilds exactly the GTV the
// libraries hashed: {"null": true}, {"bytes": hex}, {"string": s}, {"int": decimal},
// {"bigint": decimal}, {"array": [...]}, {"dict": {...}}.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as pcl from "postchain-client";
import pcl2 from "postchain-client-2";
import * as ft from "@chromia/ft4";
import casper from "casper-js-sdk";

const version = (name) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8")).version;

const hex = (buffer) => Buffer.from(buffer).toString("hex");
const bytes = (h) => Buffer.from(h, "hex");
// Deterministic private keys: SHA-256 of a label.
const secret = (label) => createHash("sha256").update(label).digest("hex");

function toJs(typed) {
  if ("null" in typed) return null;
  if ("bytes" in typed) return bytes(typed.bytes);
  if ("string" in typed) return typed.string;
  if ("int" in typed) {
    const n = Number(typed.int);
    if (!Number.isSafeInteger(n)) throw new Error(`int ${typed.int} is not a safe JS integer`);
    return n;
  }
  if ("bigint" in typed) return BigInt(typed.bigint);
  if ("array" in typed) return typed.array.map(toJs);
  if ("dict" in typed) return Object.fromEntries(Object.entries(typed.dict).map(([k, v]) => [k, toJs(v)]));
  throw new Error(`unknown typed value ${JSON.stringify(typed)}`);
}

// postchain-client 2 recognises only its own Buffer class as a byte array, and hashes a dict's
// entries in insertion order; a GTV dict is ordered by key (as 1.x and the node order it), so
// its entries are given sorted.
function forClient2(value) {
  if (Buffer.isBuffer(value)) return pcl2.Buffer.from(value);
  if (Array.isArray(value)) return value.map(forClient2);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, forClient2(value[k])]));
  }
  return value;
}

function hashBoth(value, merkleVersion) {
  const one = hex(pcl.gtv.gtvHash(value, merkleVersion));
  const two = hex(pcl2.gtv.gtvHash(forClient2(value), merkleVersion));
  if (one !== two) throw new Error(`postchain-client versions disagree on ${JSON.stringify(value)}`);
  return one;
}

function encodeBoth(value) {
  const one = hex(pcl.gtv.encode(value));
  const two = hex(pcl2.gtv.encode(forClient2(value)));
  if (one !== two) throw new Error(`postchain-client versions encode ${JSON.stringify(value)} differently`);
  return one;
}

const N = (s) => ({ null: true });
const B = (h) => ({ bytes: h });
const S = (s) => ({ string: s });
const I = (n) => ({ int: String(n) });
const BI = (n) => ({ bigint: String(n) });
const A = (...xs) => ({ array: xs });
const D = (o) => ({ dict: o });

const ft4Keys = [1, 2, 3, 4, 5].map((i) => pcl.encryption.makeKeyPair(secret(`quorate-ft4-${i}`)).pubKey);
const tutorial = {
  singlesig: "022672944e1d542487601145ff42b2953f32cc7da1167ebd3d0087954816edd146",
  alice: "03f5a2656bc6db03a8f85c2fd3fd32d72515d1435bb0869a28ffb49185e23e25d6",
  bob: "02ab13e8808e8ac7a8cad65660a189ff3744063d6b48c4bc5236f44f98a333cd41",
  charlie: "03b7ef6c5948022298051e57521ce56075a16a883516240021bd337c8a6e7ddd13",
  dan: "035c9040eb3ff858bda4fb0ff8737a02efda2cd74ad07bb5a2f18217795bbf67ac",
};

const gtvCases = [
  ["null", N()],
  ["empty bytes", B("")],
  ["public key bytes", B(tutorial.singlesig)],
  ["127 bytes (short length)", B("ab".repeat(127))],
  ["128 bytes (long length)", B("cd".repeat(128))],
  ["300 bytes (two length bytes)", B("ef".repeat(300))],
  ["empty string", S("")],
  ["ascii string", S("block_height")],
  ["non-ascii string", S("Zoë ✓ 𝄞")],
  ["zero", I(0)],
  ["one", I(1)],
  ["127", I(127)],
  ["128 (sign byte)", I(128)],
  ["255", I(255)],
  ["256", I(256)],
  ["-1", I(-1)],
  ["-128", I(-128)],
  ["-129", I(-129)],
  ["-65536", I(-65536)],
  ["block height beyond 32 bits", I(1876543210123)],
  ["largest safe integer", I(Number.MAX_SAFE_INTEGER)],
  ["big integer", BI("123456789012345678901234567890")],
  ["negative big integer", BI("-98765432109876543210")],
  ["empty array", A()],
  ["array of one", A(S("T"))],
  ["array of two", A(S("A"), S("T"))],
  ["array of three", A(I(1), I(2), I(3))],
  ["array of five", A(I(1), I(2), I(3), I(4), I(5))],
  ["array of eight", A(...[1, 2, 3, 4, 5, 6, 7, 8].map(I))],
  ["array of nine", A(...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(I))],
  ["array holding one array", A(A(S("A"), S("T")))],
  ["array holding one empty array", A(A())],
  ["array holding one dict", A(D({ a: I(1) }))],
  ["nested arrays", A(A(), A(I(1)), A(I(1), A(I(2), I(3))))],
  ["empty dict", D({})],
  ["dict of one", D({ name: S("dan") })],
  ["dict of three, keys unsorted", D({ zeta: I(1), alpha: N(), mid: A(S("x")) })],
  ["dict holding a dict", D({ outer: D({ inner: B("00ff") }) })],
  ["rule", A(S("gt"), S("block_height"), I(1876543210123))],
  ["and rule", A(S("and"), A(S("ge"), S("block_time"), I(1700000000000)), A(S("lt"), S("op_count"), I(10)))],
].map(([name, value]) => {
  const js = toJs(value);
  return {
    name,
    value,
    encoded: encodeBoth(js),
    hash_v1: hashBoth(js, 1),
    hash_v2: hashBoth(js, 2),
  };
});

const { greaterThan, lessThan, lessOrEqual, greaterOrEqual, equals, and, blockHeight, blockTime, opCount } = ft;
const descriptorCases = [
  ["tutorial: original single-sig main", "S", ["A", "T"], [tutorial.singlesig], null, null],
  ["tutorial: 2 of 3 main", "M", ["A", "T"], [tutorial.alice, tutorial.bob, tutorial.charlie], 2, null],
  ["tutorial: Dan, time-locked", "S", ["T"], [tutorial.dan], null, greaterThan(blockHeight(1876543210123))],
  ["single-sig, no flags", "S", [], [hex(ft4Keys[0])], null, null],
  ["single-sig, account flag only", "S", ["A"], [hex(ft4Keys[1])], null, null],
  ["single-sig, custom flag", "S", ["T", "MINT"], [hex(ft4Keys[2])], null, lessThan(opCount(5))],
  ["single-sig, EVM address", "S", ["A", "T"], ["1234567890abcdef1234567890abcdef12345678"], null, null],
  ["1 of 1 multi-sig", "M", ["A", "T"], [hex(ft4Keys[0])], 1, null],
  ["2 of 2 multi-sig", "M", ["T"], [hex(ft4Keys[0]), hex(ft4Keys[1])], 2, null],
  ["3 of 5 multi-sig", "M", ["A", "T"], ft4Keys.map(hex), 3, null],
  ["multi-sig, le block_time", "M", ["T"], [hex(ft4Keys[3]), hex(ft4Keys[4])], 1, lessOrEqual(blockTime(1767225600000))],
  ["multi-sig, ge block_height", "M", ["T"], [hex(ft4Keys[2]), hex(ft4Keys[4])], 2, greaterOrEqual(blockHeight(100))],
  ["single-sig, eq op_count", "S", ["T"], [hex(ft4Keys[3])], null, equals(opCount(0))],
  ["single-sig, and of two", "S", ["T"], [hex(ft4Keys[4])], null,
    and(lessOrEqual(opCount(5)), lessThan(blockTime(1767225600000)))],
  ["multi-sig, and of three", "M", ["A", "T"], [hex(ft4Keys[0]), hex(ft4Keys[2])], 1,
    and(greaterThan(blockHeight(10)), lessThan(blockHeight(1000000)), lessOrEqual(opCount(3)))],
].map(([name, authType, flags, signers, signaturesRequired, rules]) => {
  const registration = authType === "S"
    ? ft.createSingleSigAuthDescriptorRegistration(flags, bytes(signers[0]), rules)
    : ft.createMultiSigAuthDescriptorRegistration(flags, signers.map(bytes), signaturesRequired, rules);
  const gtv = ft.gtv.authDescriptorRegistrationToGtv(registration);
  const id = hex(ft.deriveAuthDescriptorId(registration));
  if (hashBoth(gtv, 1) !== id) throw new Error(`${name}: the id is not the version 1 hash of the descriptor`);
  return {
    name,
    auth_type: authType,
    flags,
    signatures_required: signaturesRequired,
    signers,
    rules: gtv[2],
    id,
  };
});

// The id of an account registered with these signers: the hash of the single signer, or of the list.
const accountCases = [
  ["tutorial: single-sig registration", [tutorial.singlesig]],
  ["generated key", [hex(ft4Keys[0])]],
  ["EVM address", ["1234567890abcdef1234567890abcdef12345678"]],
  ["two signers", [hex(ft4Keys[0]), hex(ft4Keys[1])]],
  ["three signers", [tutorial.alice, tutorial.bob, tutorial.charlie]],
].map(([name, signers]) => {
  const value = signers.length === 1 ? bytes(signers[0]) : signers.map(bytes);
  return { name, signers, account_id: hashBoth(value, 1) };
});

const { PrivateKey, PublicKey, KeyAlgorithm } = casper;
const casperCases = [
  { name: "tutorial: primary key", public_key: "01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986" },
];
for (const [i, algorithm] of [[1, KeyAlgorithm.ED25519], [2, KeyAlgorithm.ED25519], [3, KeyAlgorithm.SECP256K1], [4, KeyAlgorithm.SECP256K1]]) {
  const key = PrivateKey.fromHex(secret(`quorate-casper-${i}`), algorithm);
  casperCases.push({ name: `generated ${algorithm === KeyAlgorithm.ED25519 ? "ed25519" : "secp256k1"} key ${i}`, public_key: key.publicKey.toHex(false) });
}
for (const c of casperCases) {
  c.account_hash = PublicKey.fromHex(c.public_key).accountHash().toPrefixedString();
}

const out = {
  generated_by: "src/test/vectors/ids/generate.mjs",
  libraries: Object.fromEntries(["postchain-client", "postchain-client-2", "@chromia/ft4", "casper-js-sdk"].map((n) => [n, version(n)])),
  gtv: gtvCases,
  ft4_descriptors: descriptorCases,
  ft4_accounts: accountCases,
  casper_account_hashes: casperCases,
};
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
