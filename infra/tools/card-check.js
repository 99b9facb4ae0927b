#!/usr/bin/env node
// Checks Adaptive Cards with the official renderer (npm adaptivecards 3.0.6) under the Teams host config.
// Usage: node card-check.js [file]   (a JSON array of cards, or one card; stdin when no file is given)
// Prints a JSON array, one {index, ok, errors, warnings} per card, and always exits 0: the caller decides.
'use strict';
const fs = require('fs');
const path = require('path');

// The library logs through console; stdout carries only the result.
console.log = console.info = console.warn = console.debug = (...args) => process.stderr.write(args.join(' ') + '\n');

// The renderer needs a browser: one jsdom window for the whole run, its globals copied onto globalThis.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { url: 'http://localhost/' });
for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (key in globalThis) continue;
    try { globalThis[key] = dom.window[key]; } catch { /* a read-only global: leave it */ }
}

const AC = require('adaptivecards/dist/adaptivecards.js');
const teams = require('adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json');
const hostConfig = new AC.HostConfig(teams);

// Teams renders Markdown; without a processor the text renders as plain text, which is enough to check.
AC.AdaptiveCard.onProcessMarkdown = (_text, result) => { result.didProcess = false; };

// Its lang pattern is a global (/g) RegExp, whose lastIndex carries over from one card to the next:
// the second valid "en" in a run would be refused. The same pattern without /g is stateless.
const lang = AC.CardElement.langProperty;
lang.regEx = new RegExp(lang.regEx.source, lang.regEx.flags.replace('g', ''));

// Advice, not faults: everything else the renderer reports fails the card.
const WARNINGS = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

function describe(event) {
    const where = event.source && typeof event.source.getJsonTypeName === 'function'
        ? ` (${event.source.getJsonTypeName()}${event.source.id ? ` "${event.source.id}"` : ''})`
        : '';
    return `${AC.ValidationEvent[event.event]}: ${event.message}${where}`;
}

function check(card, index) {
    const errors = [];
    const warnings = [];
    const report = (event) => (WARNINGS.has(event.event) ? warnings : errors).push(describe(event));
    if (card === null || typeof card !== 'object' || Array.isArray(card)) {
        return { index, ok: false, errors: ['not a JSON object'], warnings };
    }
    try {
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = hostConfig;
        const context = new AC.SerializationContext(AC.Versions.v1_5);
        adaptive.parse(card, context);
        for (let i = 0; i < context.eventCount; i++) report(context.getEventAt(i));
        for (const event of adaptive.validateProperties().validationEvents) report(event);
        const rendered = adaptive.render();
        if (!(rendered instanceof dom.window.HTMLElement)) errors.push('Render: render() returned no DOM element');
    } catch (e) {
        errors.push(`Exception: ${e && e.message ? e.message : String(e)}`);
    }
    return { index, ok: errors.length === 0, errors, warnings };
}

function main() {
    const file = process.argv[2];
    const text = file ? fs.readFileSync(path.resolve(file), 'utf8') : fs.readFileSync(0, 'utf8');
    let input;
    try {
        input = JSON.parse(text);
    } catch (e) {
        process.stdout.write(JSON.stringify([{ index: 0, ok: false, errors: [`Input is not JSON: ${e.message}`], warnings: [] }]) + '\n');
        return;
    }
    const cards = Array.isArray(input) ? input : [input];
    process.stdout.write(JSON.stringify(cards.map(check)) + '\n');
}

main();
