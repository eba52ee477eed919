// Runs the web editor's own script (themes/default/admin/sitegen-cms.js) outside a browser, for
// tests/test_cms_format.py: reads {settings, calls} as JSON on stdin, answers JSON on stdout.
'use strict';
const fs = require('fs');
const vm = require('vm');
const path = require('path');

class FakeMap {
  constructor(obj) { this.obj = Object.assign({}, obj); }
  get(key) { return this.obj[key]; }
  set(key, value) { return new FakeMap(Object.assign({}, this.obj, { [key]: value })); }
}

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const registered = {};
const window = {
  location: { href: 'http://127.0.0.1/sambas/admin/' },
  addEventListener: (name, listener) => { registered[name] = listener; },
  h: () => null,
  CMS: {
    registerCustomFormat: (name, ext, f) => { registered.format = f; },
    registerEventListener: (l) => { registered.preSave = l.handler; },
    registerPreviewStyle: () => {}, registerPreviewTemplate: () => {}, init: () => {},
  },
};
const document = {
  body: null,
  addEventListener: () => {},
  getElementById: () => ({ textContent: JSON.stringify(input.settings) }),
};
const script = fs.readFileSync(path.join(__dirname, '..', 'themes', 'default', 'admin', 'sitegen-cms.js'), 'utf8');
vm.runInNewContext(script, { window, document, Intl, URL, JSON, Date, String, Number, Object, Array, Error, RegExp, Math });

const out = input.calls.map((call) => {
  try {
    if (call.op === 'roundtrip') return { text: registered.format.toFile(registered.format.fromFile(call.text)) };
    if (call.op === 'edit') {
      const data = registered.format.fromFile(call.text);
      Object.assign(data, call.changes);
      return { text: registered.format.toFile(data) };
    }
    if (call.op === 'new') {
      const entry = new FakeMap({ collection: call.collection, newRecord: true, data: new FakeMap(call.data) });
      const data = registered.preSave({ entry }).obj;
      return { name: data._berkas, text: registered.format.toFile(data) };
    }
    if (call.op === 'rejection') {
      let prevented = false;
      registered.unhandledrejection({ reason: call.reason, preventDefault: () => { prevented = true; } });
      return { prevented };
    }
    if (call.op === 'slugify') return { slug: window.sitegenFormat.slugify(call.text) };
    throw new Error('unknown op ' + call.op);
  } catch (e) {
    return { error: e.message };
  }
});
process.stdout.write(JSON.stringify(out));
