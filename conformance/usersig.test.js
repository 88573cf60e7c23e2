// UserSig (TLSSigAPIv2) against Tencent's own Node.js implementation, the
// npm package `tls-sig-api-v2`: a UserSig made by desk-schema's CLI decodes
// and carries the TLS.sig Tencent's code computes for the same inputs and
// time, and one made by Tencent's code verifies with the CLI. The key is a
// test key, passed in the environment as the CLI reads it.
const test = require("node:test");
const assert = require("node:assert");
const zlib = require("node:zlib");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const TLSSigAPIv2 = require("tls-sig-api-v2");

const root = path.join(__dirname, "..");
const KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const SDKAPPID = 1400000000;

function cli(args, input, key = KEY) {
  // The CLI's messages in English, whatever language the caller's
  // environment asks for.
  const env = { ...process.env };
  for (const name of ["DESK_SCHEMA_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]) delete env[name];
  const out = spawnSync(
    "cargo",
    ["run", "-q", "--release", "-p", "desk-schema", "--all-features", "--", "usersig", ...args],
    { cwd: root, input, env: { ...env, DESK_SCHEMA_SECRET_KEY: key }, encoding: "utf8" },
  );
  return { status: out.status, stdout: out.stdout.trim(), stderr: out.stderr };
}

/** The JSON document inside a UserSig, as Tencent's code writes and reads it. */
function decode(usersig) {
  const b64 = usersig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
  return JSON.parse(zlib.inflateSync(Buffer.from(b64, "base64")).toString());
}

test("a UserSig made by desk-schema carries the TLS.sig Tencent's code computes", () => {
  const made = cli(["--sdkappid", String(SDKAPPID), "--identifier", "administrator", "--expire", "86400"]);
  assert.strictEqual(made.status, 0, made.stderr);
  assert.ok(!made.stderr.includes(KEY) && !made.stdout.includes(KEY));
  const doc = decode(made.stdout);
  assert.deepStrictEqual(
    Object.keys(doc),
    ["TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.time", "TLS.expire", "TLS.sig"],
  );
  assert.strictEqual(doc["TLS.ver"], "2.0");
  assert.strictEqual(doc["TLS.identifier"], "administrator");
  assert.strictEqual(doc["TLS.sdkappid"], SDKAPPID);
  assert.strictEqual(doc["TLS.expire"], 86400);
  assert.ok(Math.abs(doc["TLS.time"] - Date.now() / 1000) < 120);
  const tencent = new TLSSigAPIv2.Api(SDKAPPID, KEY);
  assert.strictEqual(doc["TLS.sig"], tencent._hmacsha256("administrator", doc["TLS.time"], 86400, null));
});

test("a UserSig made by Tencent's code verifies with desk-schema, and a changed one does not", () => {
  const sig = new TLSSigAPIv2.Api(SDKAPPID, KEY).genUserSig("administrator", 86400);
  const checked = cli(["--sdkappid", String(SDKAPPID), "--verify"], sig);
  assert.strictEqual(checked.status, 0, checked.stderr);
  const claims = JSON.parse(checked.stdout);
  assert.strictEqual(claims.identifier, "administrator");
  assert.strictEqual(claims.sdkappid, SDKAPPID);
  assert.strictEqual(claims.expire, 86400);

  // Another key: the signature does not match.
  const other = cli(["--sdkappid", String(SDKAPPID), "--verify"], sig, `${KEY}0`);
  assert.strictEqual(other.status, 1);
  assert.match(other.stderr, /signature does not match/);
  // Another identifier in the same document: the signature does not match.
  const doc = decode(sig);
  doc["TLS.identifier"] = "someone_else";
  const forged = zlib.deflateSync(Buffer.from(JSON.stringify(doc))).toString("base64")
    .replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
  assert.strictEqual(cli(["--sdkappid", String(SDKAPPID), "--verify"], forged).status, 1);
  // Expired (made with expire 1, two seconds ago is enough; checked on a copy whose time is old).
  const old = decode(sig);
  old["TLS.time"] = 1_000_000_000;
  old["TLS.sig"] = new TLSSigAPIv2.Api(SDKAPPID, KEY)._hmacsha256("administrator", 1_000_000_000, 86400, null);
  const expired = zlib.deflateSync(Buffer.from(JSON.stringify(old))).toString("base64")
    .replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
  const late = cli(["--sdkappid", String(SDKAPPID), "--verify"], expired);
  assert.strictEqual(late.status, 1);
  assert.match(late.stderr, /expired: valid until 2001-09-10 01:46:40 UTC \(Unix time 1000086400\)/);
});
