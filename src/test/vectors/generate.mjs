// Writes the signature test vectors (src/test/resources/vectors/*.json) with the chains' own
// client libraries. Run from this directory after `npm install` (versions pinned in package.json):
// `node generate.mjs [output dir]`. Tests only read the JSON it writes; they never run this.
// Every key here is a test key derived from a fixed seed; none holds anything on any chain.
import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const antelope = require('@wharfkit/antelope');
const dhive = require('@hiveio/dhive');
const casper = require('casper-js-sdk');
const postchain = require('postchain-client');
const elliptic = require('elliptic');

const out = process.argv[2] ?? new URL('../resources/vectors', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const sha256 = (data) => createHash('sha256').update(data).digest();
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const seedKey = (label) => sha256(Buffer.from('quorate test key ' + label, 'utf8'));
const digestOf = (label) => sha256(Buffer.from('quorate test digest ' + label, 'utf8'));
const N = BigInt('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141');
const ec = new elliptic.ec('secp256k1');
const version = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;
const write = (name, data) => writeFileSync(`${out}/${name}.json`, JSON.stringify(data, null, 2) + '\n');

/** The same signature with s replaced by n - s and the recovery id's parity flipped: it recovers the same key. */
function highS(compact65) {
  const b = Buffer.from(compact65);
  const s = BigInt('0x' + hex(b.subarray(33, 65)));
  const flipped = Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex');
  const header = 31 + ((b[0] - 31) ^ 1);
  const result = Buffer.concat([Buffer.from([header]), b.subarray(1, 33), flipped]);
  return result;
}

/** A low-S signature whose r has its top bit set: BIP-62 canonical, not fc canonical. */
function lowSHighR(privateKey, label) {
  for (let i = 0; ; i++) {
    const digest = digestOf(label + ' ' + i);
    const sig = ec.sign(digest, privateKey, { canonical: true });
    const r = Buffer.from(sig.r.toArray('be', 32));
    if (!(r[0] & 0x80)) continue;
    const s = Buffer.from(sig.s.toArray('be', 32));
    return { digest, compact: Buffer.concat([Buffer.from([31 + sig.recoveryParam]), r, s]) };
  }
}

// ---------------------------------------------------------------- EOS / Antelope
{
  const keys = [];
  const signatures = [];
  const noncanonical = [];
  for (let k = 0; k < 3; k++) {
    const priv = antelope.PrivateKey.from(new antelope.PrivateKey(antelope.KeyType.K1, antelope.Bytes.from(seedKey('eos ' + k))));
    const pub = priv.toPublic();
    keys.push({ private_wif: priv.toWif(), public_legacy: pub.toLegacyString(), public_k1: pub.toString() });
    for (let d = 0; d < 4; d++) {
      const digest = digestOf('eos ' + k + ' ' + d);
      const sig = priv.signDigest(digest);
      signatures.push({ digest: hex(digest), signature: sig.toString(),
        recovered: sig.recoverDigest(digest).toString(), key: k });
    }
    // fc rejects both: s above n/2, and (low s but) r with its top bit set
    const digest = digestOf('eos high-s ' + k);
    const sig = priv.signDigest(digest);
    const high = new antelope.Signature(antelope.KeyType.K1, antelope.Bytes.from(highS(sig.data.array)));
    noncanonical.push({ digest: hex(digest), signature: high.toString(), same_key_as: sig.toString(),
      recovers_to: pub.toString(), why: 's > n/2' });
    const hr = lowSHighR(seedKey('eos ' + k), 'eos high-r ' + k);
    const hrSig = new antelope.Signature(antelope.KeyType.K1, antelope.Bytes.from(hr.compact));
    noncanonical.push({ digest: hex(hr.digest), signature: hrSig.toString(), recovers_to: pub.toString(),
      why: 'r >= 2^255' });
  }
  write('eos', { library: '@wharfkit/antelope ' + version('@wharfkit/antelope'), keys, signatures, noncanonical });
}

// ---------------------------------------------------------------- Hive
{
  const keys = [];
  const signatures = [];
  const noncanonical = [];
  const privs = [];
  for (let k = 0; k < 3; k++) {
    const priv = new dhive.PrivateKey(seedKey('hive ' + k));
    privs.push(priv);
    keys.push({ private_wif: priv.toString(), public: priv.createPublic().toString() });
    for (let d = 0; d < 3; d++) {
      const digest = digestOf('hive ' + k + ' ' + d);
      const sig = priv.sign(digest);
      signatures.push({ digest: hex(digest), signature: sig.toString(),
        recovered: sig.recover(digest).toString(), key: k });
    }
    const digest = digestOf('hive high-s ' + k);
    const sig = priv.sign(digest);
    noncanonical.push({ digest: hex(digest), signature: hex(highS(sig.toBuffer())), recovers_to: priv.createPublic().toString(),
      why: 's > n/2' });
  }
  // BIP-62 canonical but not fc canonical: Hive accepts it since HF20
  const hr = lowSHighR(seedKey('hive 0'), 'hive high-r');
  const bip62Only = [{ digest: hex(hr.digest), signature: hex(hr.compact), recovered: keys[0].public }];

  const mainnet = hex(dhive.DEFAULT_CHAIN_ID);
  const testnet = '18dcf0a285365fc58b71f18b3d3fec954aa0c141c44e4e5cb4cf777b9eab274e';
  const header = { ref_block_num: 34567, ref_block_prefix: 3456789012, expiration: '2026-11-23T10:30:00', extensions: [] };
  const authority = (key) => ({ weight_threshold: 1, account_auths: [['partner', 1]], key_auths: [[key, 1]] });
  const cases = [
    ['transfer', [['transfer', { from: 'alice', to: 'bob', amount: '1.234 HIVE', memo: 'rent for november' }]], [0]],
    ['transfer-hbd', [['transfer', { from: 'alice', to: 'bob', amount: '0.500 HBD', memo: '' }]], [0, 1]],
    ['vote', [['vote', { voter: 'carol', author: 'dave', permlink: 'a-post', weight: -2500 }]], [2]],
    ['comment', [['comment', { parent_author: '', parent_permlink: 'hive', author: 'carol',
      permlink: 'hello-world', title: 'Hello', body: 'Unicode too: ÿ € 中', json_metadata: '{"tags":["hive"]}' }]], [2]],
    ['custom-json-active', [['custom_json', { required_auths: ['alice'], required_posting_auths: [],
      id: 'ssc-mainnet-hive', json: '{"contractName":"tokens","contractAction":"transfer"}' }]], [0]],
    ['custom-json-posting', [['custom_json', { required_auths: [], required_posting_auths: ['carol'],
      id: 'follow', json: '["follow",{"follower":"carol","following":"dave","what":["blog"]}]' }]], [2]],
    ['account-update-active', [['account_update', { account: 'alice', owner: undefined,
      active: authority(keys[1].public), posting: undefined, memo_key: keys[0].public, json_metadata: '' }]], [0]],
    ['account-update-owner', [['account_update', { account: 'alice', owner: authority(keys[2].public),
      active: undefined, posting: authority(keys[2].public), memo_key: keys[0].public, json_metadata: '{"profile":{}}' }]], [0, 1]],
    ['two-operations', [['vote', { voter: 'carol', author: 'dave', permlink: 'a-post', weight: 10000 }],
      ['transfer', { from: 'alice', to: 'bob', amount: '10.000 HIVE', memo: 'x' }]], [0, 2]],
  ];
  const transactions = [];
  for (const [name, operations, signers] of cases) {
    for (const chainId of [mainnet, testnet]) {
      if (chainId === testnet && name !== 'transfer') continue;
      const tx = { ...header, operations };
      const id = Buffer.from(chainId, 'hex');
      const signed = dhive.cryptoUtils.signTransaction(tx, signers.map((k) => privs[k]), id);
      const json = JSON.parse(JSON.stringify(signed));
      transactions.push({ name, chain_id: chainId, transaction: json,
        digest: hex(dhive.cryptoUtils.transactionDigest(tx, id)),
        signers: signers.map((k) => keys[k].public) });
    }
  }
  write('hive', { library: '@hiveio/dhive ' + version('@hiveio/dhive'), keys, signatures, noncanonical,
    bip62_only: bip62Only, transactions });
}

// ---------------------------------------------------------------- Casper
{
  const { DeployUtil, Keys, CLPublicKey, RuntimeArgs, CLValueBuilder } = casper;
  const edPriv = seedKey('casper ed25519');
  const ed = Keys.Ed25519.parseKeyPair(Keys.Ed25519.privateToPublicKey(edPriv), edPriv);
  const secpPriv = seedKey('casper secp256k1');
  const secpPub = Buffer.from(ec.keyFromPrivate(secpPriv).getPublic(true, 'array'));
  const secp = Keys.Secp256K1.parseKeyPair(secpPub, secpPriv, 'raw');
  const keys = [ed, secp].map((k) => ({ public: k.publicKey.toHex(false), account_hash: k.publicKey.toAccountHashStr() }));
  const target = ed.publicKey;
  const sessions = [
    ['transfer', DeployUtil.ExecutableDeployItem.newTransfer('2500000000', target, null, 42)],
    ['stored-by-name', DeployUtil.ExecutableDeployItem.newStoredContractByName('faucet', 'call_faucet',
      RuntimeArgs.fromMap({ target: CLValueBuilder.byteArray(new Uint8Array(32).fill(7)),
        amount: CLValueBuilder.u512('1000000'), note: CLValueBuilder.string('hello'),
        maybe: CLValueBuilder.option(require('ts-results').Some(CLValueBuilder.u64(9))) }))],
    ['module-bytes', DeployUtil.ExecutableDeployItem.newModuleBytes(Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0]),
      RuntimeArgs.fromMap({ flag: CLValueBuilder.bool(true), items: CLValueBuilder.list([CLValueBuilder.u32(1), CLValueBuilder.u32(2)]),
        who: CLValueBuilder.key(CLValueBuilder.byteArray(new Uint8Array(32).fill(3))) }))],
    ['versioned-by-hash', DeployUtil.ExecutableDeployItem.newStoredVersionContractByHash(new Uint8Array(32).fill(5), 2,
      'mint', RuntimeArgs.fromMap({ owner: ed.publicKey, count: CLValueBuilder.i32(-3) }))],
  ];
  const deploys = [];
  for (const [name, session] of sessions) {
    for (const [signerName, account, signers] of [['ed25519', ed, [ed, secp]], ['secp256k1', secp, [secp]]]) {
      const params = new DeployUtil.DeployParams(account.publicKey, 'casper-test', 1, 1800000, [], 1764000000000);
      let deploy = DeployUtil.makeDeploy(params, session, DeployUtil.standardPayment(100000000));
      for (const s of signers) deploy = DeployUtil.signDeploy(deploy, s);
      deploys.push({ name: name + '-' + signerName, deploy: DeployUtil.deployToJson(deploy).deploy,
        hash: hex(deploy.hash), body_hash: hex(deploy.header.bodyHash) });
    }
  }
  write('casper', { library: 'casper-js-sdk ' + version('casper-js-sdk'), keys, deploys });
}

// ---------------------------------------------------------------- Chromia FT4
{
  const { gtx, encryption } = postchain;
  const pairs = [0, 1, 2].map((k) => encryption.makeKeyPair(seedKey('ft4 ' + k)));
  const keys = pairs.map((p) => ({ public: hex(p.pubKey) }));
  const brid = sha256(Buffer.from('quorate test blockchain', 'utf8'));
  const transactions = [];
  const ops = [
    ['ft4.transfer', [Buffer.alloc(32, 1), Buffer.alloc(32, 2), Buffer.alloc(32, 3), 1000n]],
    ['ft4.add_auth_descriptor', [Buffer.alloc(32, 9), 'hello', 5]],
  ];
  for (let t = 0; t < ops.length; t++) {
    const signerIndexes = t === 0 ? [0, 1] : [2];
    let tx = gtx.emptyGtx(brid);
    tx = gtx.addTransactionToGtx('ft4.ft_auth', [Buffer.alloc(32, 4), Buffer.alloc(32, 5)], tx);
    tx = gtx.addTransactionToGtx(ops[t][0], ops[t][1], tx);
    for (const k of signerIndexes) gtx.addSignerToGtx(pairs[k].pubKey, tx);
    for (const k of signerIndexes) tx = await gtx.sign(tx, pairs[k].privKey, 2, pairs[k].pubKey);
    const digest = gtx.getDigestToSign(tx, 2);
    transactions.push({ name: ops[t][0], digest: hex(digest),
      signatures: signerIndexes.map((k, i) => ({ signer: keys[k].public, signature: hex(tx.signatures[i]) })),
      verified_by_library: gtx.checkGTXSignatures(digest, tx) });
  }
  write('ft4', { library: 'postchain-client ' + version('postchain-client'), keys, transactions });
}
console.log('wrote vectors to ' + out);
