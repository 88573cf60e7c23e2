// The demo form in headless Chromium (Debian's, driven by playwright-core;
// nothing downloads a browser), served with a strict Content Security Policy:
// script-src 'self', no 'unsafe-eval'.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { desk, pkg } from "./helpers.js";

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };
const EXECUTABLE = process.env.CHROMIUM ?? "/usr/bin/chromium";
// The README's screenshot is written over only when asked (as trybuild's
// TRYBUILD=overwrite), and then only with the Chinese font it shows: a
// machine without it would commit boxes for every character.
const SCREENSHOT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
const SCREENSHOT =
  process.env.SCREENSHOT === "overwrite"
    ? path.join(pkg, "demo", "screenshot.png")
    : path.join(os.tmpdir(), "desk-schema-demo-screenshot.png");

function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = path.join(dir, url.pathname === "/" ? "index.html" : path.normalize(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Content-Security-Policy": CSP });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** What the Rust CLI says about `request`: each violation's message by path. */
function cli(request, lang = "en") {
  const report = JSON.parse(desk(["validate", "--format", "json", "--lang", lang, "-"], JSON.stringify(request)));
  return Object.fromEntries(report.errors.map((v) => [v.path, v.message]));
}

test("the demo form shows the CLI's messages under its fields, under a strict CSP", async () => {
  assert.ok(fs.existsSync(EXECUTABLE), `${EXECUTABLE} is missing: apt-get install chromium (.ci/run does)`);
  const server = await serve(path.join(pkg, "demo"));
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    const violations = [];
    page.on("console", (m) => m.type() === "error" && violations.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const status = page.locator("#status");
    await assert.doesNotReject(status.filter({ hasText: "ready to send" }).waitFor());

    // The policy blocks Ajv's run-time compile; the precompiled validator works.
    assert.equal(await page.locator("#standalone").textContent(), "works");
    assert.match(await page.locator("#runtime-compile").textContent(), /^blocked: EvalError/);

    // 34 Chinese characters: 102 bytes. The message is the CLI's.
    const name = "客".repeat(34);
    await page.fill('input[name="Name"]', name);
    const base = { Type: "Public", GroupId: "MyFirstGroup", Name: name };
    const members = [{ Member_Account: "user2" }, { Member_Account: "@customer_service_account" }];
    const expected = cli({ ...base, MemberList: members });
    assert.equal(await page.locator('p[data-for="/Name"]').textContent(), expected["/Name"]);
    assert.match(expected["/Name"], /^102 bytes in UTF-8 \(34 characters\)/);

    // A second customer service account: the member-list message.
    await page.click("#add-member");
    await page.locator("#members li:nth-child(3) input").fill("@customer_service_account");
    const twice = cli({ ...base, MemberList: [...members, { Member_Account: "@customer_service_account" }] });
    assert.equal(await page.locator('p[data-for="/MemberList"]').textContent(), twice["/MemberList"]);
    assert.equal(await page.locator("#members li:nth-child(3) p.error").textContent(), twice["/MemberList/2/Member_Account"]);
    assert.equal(await status.textContent(), "3 problems");

    // In Chinese: the CLI's --lang zh-CN message under Name, for the screenshot.
    await page.selectOption("#lang", "zh-CN");
    const chinese = cli({ ...base, MemberList: [...members, { Member_Account: "@customer_service_account" }] }, "zh-CN");
    assert.equal(await page.locator('p[data-for="/Name"]').textContent(), chinese["/Name"]);
    assert.equal(chinese["/Name"], "最多 100 字节（UTF-8 编码，一个汉字占 3 字节，表情大多占 4 字节），当前 102 字节（34 个字符）");
    assert.equal(await page.locator('p[data-for="/MemberList"]').textContent(), chinese["/MemberList"]);
    assert.equal(await status.textContent(), "3 个问题");
    if (process.env.SCREENSHOT === "overwrite") {
      assert.ok(fs.existsSync(SCREENSHOT_FONT), `${SCREENSHOT_FONT} is missing: apt-get install fonts-wqy-microhei`);
    }
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    assert.ok(fs.statSync(SCREENSHOT).size > 0, SCREENSHOT);
    await page.selectOption("#lang", "en");

    // Fix both: the form passes.
    await page.fill('input[name="Name"]', "客".repeat(33));
    await page.locator("#members li:nth-child(3) input").fill("user3");
    assert.equal(await status.textContent(), "ready to send");
    assert.deepEqual(cli({ ...base, Name: "客".repeat(33), MemberList: [...members, { Member_Account: "user3" }] }), {});
    // Only the blocked eval is reported on the console, if anything.
    assert.ok(violations.every((v) => /unsafe-eval|Content Security Policy/.test(v)), violations.join("\n"));
  } finally {
    await browser.close();
    server.close();
  }
});
