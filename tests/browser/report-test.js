// report-test.js: opens the HTML report written by `tact --format html` in
// Debian's Chromium (through playwright-core, never a downloaded browser)
// and checks what a reviewer relies on: spans are highlighted with their
// labels in a tooltip, filters hide and show messages, threads are grouped,
// the summary and charts sit above the list, nothing reaches the network,
// no console error appears, and no script from the message data runs
// (the report built from tests/browser/xss.jsonl carries <script>,
// attribute-breaking and javascript: payloads). Saves a screenshot.
//
// Usage: node report-test.js REPORT.html SCREENSHOT.png
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const [report, shot] = process.argv.slice(2);
if (!report || !shot) {
	console.error('usage: node report-test.js REPORT.html SCREENSHOT.png');
	process.exit(2);
}

let pass = 0, fail = 0;
function check(name, ok, detail) {
	if (ok) {
		pass++;
	} else {
		fail++;
		console.log(`browser: FAIL: ${name}${detail !== undefined ? ': ' + detail : ''}`);
	}
}

(async () => {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
	});
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	const consoleErrors = [], dialogs = [], requests = [];
	page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
	page.on('pageerror', (e) => consoleErrors.push('pageerror: ' + e.message));
	page.on('dialog', (d) => { dialogs.push(d.type() + ': ' + d.message()); d.dismiss().catch(() => {}); });
	const url = 'file://' + path.resolve(report);
	page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });

	await page.goto(url);
	await page.waitForSelector('html[data-ready="1"]', { timeout: 10000 });

	// --- structure ---------------------------------------------------------
	const info = await page.evaluate(() => ({
		csp: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]'),
		scripts: document.scripts.length,
		msgs: document.querySelectorAll('article.msg').length,
		marks: document.querySelectorAll('pre.text mark[data-tip]').length,
		dimmed: document.querySelectorAll('pre.text .q, pre.text .sig, pre.text mark.q, pre.text mark.sig').length,
		threads: document.querySelectorAll('details.thread').length,
		threadMsgs: document.querySelectorAll('details.thread > article.msg').length,
		levelBars: document.querySelectorAll('#chart-levels rect').length,
		labelBars: document.querySelectorAll('#chart-labels rect').length,
		agentBars: document.querySelectorAll('#chart-apology rect').length,
		summaryY: document.getElementById('summary').getBoundingClientRect().top,
		filtersY: document.getElementById('filters').getBoundingClientRect().top,
		listY: document.getElementById('msgs').getBoundingClientRect().top,
		count: document.getElementById('count').textContent,
	}));
	check('content security policy', info.csp);
	check('one script (the page\'s own)', info.scripts === 1, info.scripts);
	check('messages listed', info.msgs > 50, info.msgs);
	check('highlights', info.marks > 50, info.marks);
	check('quote/signature regions dimmed', info.dimmed > 0, info.dimmed);
	check('threads grouped', info.threads > 5 && info.threadMsgs > 10, `${info.threads} groups`);
	check('escalation chart', info.levelBars === 5, info.levelBars);
	check('labels chart', info.labelBars > 5, info.labelBars);
	check('apology per agent chart', info.agentBars > 1, info.agentBars);
	check('summary above filters above list', info.summaryY < info.filtersY && info.filtersY < info.listY,
		`${info.summaryY} ${info.filtersY} ${info.listY}`);
	check('count shows all', info.count === `Showing ${info.msgs} of ${info.msgs} messages`, info.count);

	// --- tooltip -----------------------------------------------------------
	const mark = page.locator('pre.text mark[data-tip]').first();
	await mark.scrollIntoViewIfNeeded();
	await mark.hover();
	const tip = await page.evaluate(() => {
		const t = document.getElementById('tip');
		return { hidden: t.hidden, text: t.textContent, visible: t.getBoundingClientRect().width > 0 };
	});
	const want = await mark.getAttribute('data-tip');
	check('tooltip shown on hover', !tip.hidden && tip.visible, JSON.stringify(tip));
	check('tooltip names label and rule', tip.text === want && /\w+\.\w+/.test(tip.text), tip.text);
	await page.mouse.move(5, 5);

	// --- filters -----------------------------------------------------------
	const visible = (sel) => page.evaluate((s) =>
		Array.from(document.querySelectorAll(s)).filter((e) => e.offsetParent !== null).length, sel);
	const total = info.msgs;
	await page.selectOption('#f-role', 'agent');
	const agents = await visible('article.msg');
	const agentsOk = await page.evaluate(() => Array.from(document.querySelectorAll('article.msg'))
		.filter((e) => e.offsetParent !== null).every((e) => e.dataset.role === 'agent'));
	check('role filter hides others', agents > 0 && agents < total && agentsOk, agents);
	await page.click('#f-reset');
	check('reset shows all', await visible('article.msg') === total);

	await page.selectOption('#f-level', '3');
	const high = await page.evaluate(() => Array.from(document.querySelectorAll('article.msg'))
		.filter((e) => e.offsetParent !== null).map((e) => +e.dataset.level));
	check('escalation filter', high.length > 0 && high.length < total && high.every((l) => l >= 3), high.length);
	const hiddenThreads = await page.evaluate(() =>
		Array.from(document.querySelectorAll('details.thread')).filter((e) => e.offsetParent === null).length);
	check('threads without a match are hidden', hiddenThreads > 0, hiddenThreads);
	await page.click('#f-reset');

	const firstLabel = await page.evaluate(() => {
		const o = document.querySelector('#f-label option[value*="."]:not([value$="."])');
		return o ? o.value : null;
	});
	await page.selectOption('#f-label', firstLabel);
	const lab = await page.evaluate((l) => Array.from(document.querySelectorAll('article.msg'))
		.filter((e) => e.offsetParent !== null).map((e) => e.dataset.labels.split(' ').includes(l)), firstLabel);
	check('label filter', lab.length > 0 && lab.length < total && lab.every(Boolean), `${firstLabel}: ${lab.length}`);
	await page.selectOption('#f-label', 'escalation.');
	const fam = await page.evaluate(() => Array.from(document.querySelectorAll('article.msg'))
		.filter((e) => e.offsetParent !== null).every((e) => / escalation\./.test(' ' + e.dataset.labels)));
	check('label family filter', fam);
	await page.click('#f-reset');

	await page.fill('#f-text', 'ombudsman');
	const found = await page.evaluate(() => Array.from(document.querySelectorAll('article.msg'))
		.filter((e) => e.offsetParent !== null).map((e) => /ombudsman/i.test(e.textContent)));
	check('text search', found.length > 0 && found.length < total && found.every(Boolean), found.length);
	await page.click('#f-reset');

	await page.click('#chart-levels g[data-v="3"]');
	check('chart bar sets the filter', await page.inputValue('#f-level') === '3' &&
		await visible('article.msg') < total);
	await page.click('#f-reset');

	// --- the XSS fixture ------------------------------------------------------
	const xss = await page.evaluate(() => ({
		flag: window.__xss,
		images: document.images.length,
		iframes: document.querySelectorAll('iframe, svg[onload], a[href], math, textarea').length,
		handlers: Array.from(document.querySelectorAll('*')).filter((e) =>
			Array.from(e.attributes).some((a) => /^on/i.test(a.name))).length,
		bodyShown: getComputedStyle(document.body).display !== 'none',
		textShown: Array.from(document.querySelectorAll('pre.text'))
			.some((p) => p.textContent.includes('<script>alert(1)</script>')),
		attrKept: Array.from(document.querySelectorAll('article.msg'))
			.some((a) => a.dataset.thread === 'XSS-1"></script><script>alert(2)</script>'),
		ctl: Array.from(document.querySelectorAll('pre.text .ctl')).map((e) => e.textContent),
	}));
	check('fixture: payload shown as text', xss.textShown);
	check('fixture: attribute payload kept as data', xss.attrKept);
	check('fixture: no script from data ran', xss.flag === undefined, xss.flag);
	check('fixture: no element from data', xss.images === 0 && xss.iframes === 0, JSON.stringify(xss));
	check('fixture: no event handler attribute', xss.handlers === 0, xss.handlers);
	check('fixture: injected style inert', xss.bodyShown);
	check('fixture: control characters visible', ['^[', '^G', '<U+009B>', '<U+202E>'].every((c) => xss.ctl.includes(c)),
		xss.ctl.join(' '));

	// --- the screenshot: summary and the first messages ----------------------
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1700 } });
	const list = page.locator('details.thread').first();
	await list.scrollIntoViewIfNeeded();
	await page.screenshot({ path: shot.replace(/\.png$/, '-thread.png') });

	check('no dialog', dialogs.length === 0, dialogs.join('; '));
	check('no console error', consoleErrors.length === 0, consoleErrors.join('; '));
	check('no network request', requests.length === 0, requests.join(' '));
	await browser.close();
	console.log(`browser: ${pass} passed, ${fail} failed`);
	process.exit(fail ? 1 : 0);
})().catch((e) => {
	console.log('browser: FAIL: ' + (e && e.stack || e));
	console.log(`browser: ${pass} passed, ${fail + 1} failed`);
	process.exit(1);
});
