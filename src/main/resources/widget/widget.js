/*! Fonte chat widget: one tag, no dependencies, no build step.
 *  <script src="https://fonte.example/widget.js" defer></script>
 *  Optional: data-title, data-greeting, data-language (it|en), data-position (left|right), data-accent, data-open. */
(() => {
  'use strict';
  const script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  if (!script || customElements.get('fonte-chat')) return; // loaded twice: keep the first
  customElements.define('fonte-chat', class extends HTMLElement {});

  const ds = script.dataset;
  const base = new URL(ds.api || '.', script.src).href.replace(/\/$/, '');
  const pageLang = (document.documentElement.lang || navigator.language || 'it').slice(0, 2).toLowerCase();
  const lang = ds.language === 'en' || ds.language === 'it' ? ds.language : (pageLang === 'en' ? 'en' : 'it');
  const STORE = 'fonte-widget:' + base;

  const I18N = {
    it: {
      title: 'Chiedi all’articolo', open: 'Apri la chat di Fonte', close: 'Chiudi la chat',
      greeting: 'Ciao! Fai una domanda sull’articolo: ogni risposta indica le sue fonti.',
      placeholder: 'Scrivi una domanda…', input: 'La tua domanda', send: 'Invia', stop: 'Interrompi',
      typing: 'Sto scrivendo la risposta…', stopped: 'Risposta interrotta.', reset: 'Nuova conversazione',
      you: 'Tu', bot: 'Fonte', refused: 'Non c’è nell’articolo', source: 'Fonte', back: 'Torna alla chat',
      original: 'Testo originale (italiano)', loading: 'Caricamento…', answerReady: 'Risposta: ',
      unreachable: 'Non riesco a raggiungere il server. Controlla la connessione e riprova.',
      busy: 'Troppe richieste in questo momento.', down: 'Il servizio è temporaneamente non disponibile.',
      failed: 'Qualcosa è andato storto.', cut: 'La risposta si è interrotta.', retry: 'Riprova',
      wait: s => `Riprova tra ${s} s.`, sourceFailed: 'Impossibile aprire la fonte.', starters: 'Domande suggerite',
      log: 'Conversazione', newline: 'Invio per inviare, Maiusc+Invio per andare a capo',
      questions: ['Quanto investirà Meta in spese in conto capitale nel 2025?',
        'Quante GPU userà Meta entro la fine dell’anno?', 'Quanto è grande il nuovo data center di Meta?']
    },
    en: {
      title: 'Ask the article', open: 'Open the Fonte chat', close: 'Close the chat',
      greeting: 'Hi! Ask a question about the article: every answer shows its sources.',
      placeholder: 'Type a question…', input: 'Your question', send: 'Send', stop: 'Stop',
      typing: 'Writing the answer…', stopped: 'Answer stopped.', reset: 'New conversation',
      you: 'You', bot: 'Fonte', refused: 'Not in the article', source: 'Source', back: 'Back to the chat',
      original: 'Original text (Italian)', loading: 'Loading…', answerReady: 'Answer: ',
      unreachable: 'Cannot reach the server. Check your connection and try again.',
      busy: 'Too many requests right now.', down: 'The service is temporarily unavailable.',
      failed: 'Something went wrong.', cut: 'The answer was cut off.', retry: 'Retry',
      wait: s => `Retry in ${s} s.`, sourceFailed: 'Could not open the source.', starters: 'Suggested questions',
      log: 'Conversation', newline: 'Enter to send, Shift+Enter for a new line',
      questions: ['How much will Meta spend on capital expenditure in 2025?',
        'How many GPUs will Meta have by the end of the year?', 'How big is Meta’s new data center?']
    }
  };
  const t = I18N[lang];

  const STYLE = `
:host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483000!important;
  width:0!important;height:0!important;inset:auto!important;visibility:visible!important;opacity:1!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.w{--accent:#1a56db;--on-accent:#fff;--bg:#fff;--fg:#1b1f24;--muted:#5b6470;--line:#d9dde3;--bubble:#f1f3f6;
  --notice:#fff7e0;--notice-line:#e0b341;--mark:#ffe58a;--err:#b42318;
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);
  -webkit-font-smoothing:antialiased;text-align:left;letter-spacing:normal;word-spacing:normal;text-transform:none}
@media (prefers-color-scheme:dark){.w{--bg:#16191e;--fg:#e8eaed;--muted:#a0a8b3;--line:#343a43;--bubble:#242932;
  --notice:#3a3120;--notice-line:#b8892b;--mark:#7a6414;--err:#ff8a80}}
button,textarea{font:inherit;color:inherit;margin:0}
button{cursor:pointer;border:0;background:none;padding:0}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.launcher{position:fixed;bottom:20px;width:56px;height:56px;border-radius:50%;background:var(--accent);
  color:var(--on-accent);box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center}
.launcher svg{width:28px;height:28px;fill:currentColor}
.right .launcher,.right .panel{right:20px}.left .launcher,.left .panel{left:20px}
.panel{position:fixed;bottom:88px;width:380px;height:min(600px,calc(100vh - 110px));background:var(--bg);
  border:1px solid var(--line);border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.25);display:flex;
  flex-direction:column;overflow:hidden}
header{display:flex;align-items:center;gap:6px;padding:10px 10px 10px 16px;background:var(--accent);color:var(--on-accent)}
h2{font-size:16px;font-weight:600;margin:0;flex:1;line-height:1.3}
.icon{width:34px;height:34px;border-radius:8px;display:grid;place-items:center;font-size:20px;line-height:1}
.icon:hover{background:rgba(255,255,255,.18)}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px}
.msg{max-width:88%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.user{align-self:flex-end;background:var(--accent);color:var(--on-accent);border-bottom-right-radius:4px}
.bot{align-self:flex-start;background:var(--bubble);border-bottom-left-radius:4px}
.notice{align-self:stretch;max-width:none;background:var(--notice);border:1px dashed var(--notice-line);font-size:14px}
.notice strong{display:block;font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin-bottom:2px}
.note{display:block;color:var(--muted);font-size:13px;font-style:italic;margin-top:4px}
.chip{display:inline-block;min-width:22px;padding:0 6px;margin:0 1px;border-radius:10px;font-size:12px;font-weight:600;
  line-height:18px;text-align:center;vertical-align:1px;background:var(--accent);color:var(--on-accent)}
span.chip{opacity:.55}
.chip:hover{filter:brightness(1.15)}
.dots span{display:inline-block;width:7px;height:7px;margin:0 2px;border-radius:50%;background:var(--muted);
  animation:b 1.2s infinite ease-in-out}
.dots span:nth-child(2){animation-delay:.15s}.dots span:nth-child(3){animation-delay:.3s}
@keyframes b{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.dots span{animation:none;opacity:.6}}
.starters{display:flex;flex-wrap:wrap;gap:6px;padding:0 14px 10px}
.starters button{border:1px solid var(--accent);color:var(--fg);border-radius:16px;padding:5px 11px;font-size:13px;text-align:left}
.starters button:hover{background:var(--bubble)}
.error{margin:0 14px 10px;padding:8px 10px;border-radius:8px;border:1px solid var(--err);color:var(--err);font-size:14px;
  display:flex;gap:8px;align-items:center}
.error span{flex:1}
.error button{border:1px solid currentColor;border-radius:6px;padding:3px 10px;font-weight:600}
.error button:disabled{opacity:.5;cursor:default}
form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--line);align-items:flex-end}
textarea{flex:1;resize:none;min-height:40px;max-height:120px;padding:9px 11px;border:1px solid var(--line);
  border-radius:10px;background:var(--bg);line-height:1.4}
textarea:focus{border-color:var(--accent)}
.send,.stop{height:40px;padding:0 14px;border-radius:10px;background:var(--accent);color:var(--on-accent);font-weight:600}
.stop{background:var(--fg);color:var(--bg)}
.send:disabled{opacity:.5;cursor:default}
.src{position:absolute;inset:56px 0 0;background:var(--bg);display:flex;flex-direction:column;padding:14px;gap:10px;overflow-y:auto}
.src .back{align-self:flex-start;font-weight:600;color:var(--accent);padding:4px 0}
.src h3{margin:0;font-size:15px}
.src p,.src blockquote{margin:0;white-space:pre-wrap}
.src blockquote{border-left:3px solid var(--line);padding-left:10px;color:var(--muted)}
.src .lbl{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
mark{background:var(--mark);color:inherit;border-radius:3px;padding:0 1px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.panel{inset:0!important;width:100%;height:100%;border-radius:0;border:0}
  .panel:not([hidden])~.launcher{display:none}}
`;

  const h = (tag, props = {}, ...kids) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (v !== false && v != null) el.setAttribute(k, v === true ? '' : v);
    }
    el.append(...kids.flat().filter(k => k != null));
    return el;
  };

  // ---- DOM -------------------------------------------------------------------------------------------------------
  const host = document.createElement('fonte-chat');
  const root = host.attachShadow({ mode: 'open' });
  const chatIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"/></svg>';
  const title = ds.title || t.title;
  const launcher = h('button', { class: 'launcher', 'aria-label': t.open, 'aria-expanded': 'false', 'aria-controls': 'fonte-panel' });
  launcher.innerHTML = chatIcon;
  const resetBtn = h('button', { class: 'icon', type: 'button', 'aria-label': t.reset, title: t.reset }, '↺');
  const closeBtn = h('button', { class: 'icon', type: 'button', 'aria-label': t.close, title: t.close }, '×');
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'off', 'aria-label': t.log, tabindex: '-1' });
  const starters = h('div', { class: 'starters', role: 'group', 'aria-label': t.starters });
  const errText = h('span');
  const retryBtn = h('button', { type: 'button' }, t.retry);
  const errorBar = h('div', { class: 'error', role: 'alert', hidden: true }, errText, retryBtn);
  const input = h('textarea', { rows: '1', placeholder: t.placeholder, 'aria-label': t.input, 'aria-describedby': 'fonte-hint', maxlength: '2000' });
  const sendBtn = h('button', { class: 'send', type: 'submit' }, t.send);
  const stopBtn = h('button', { class: 'stop', type: 'button', hidden: true }, t.stop);
  const form = h('form', {}, input, sendBtn, stopBtn, h('span', { id: 'fonte-hint', class: 'sr' }, t.newline));
  const live = h('div', { class: 'sr', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const srcView = h('section', { class: 'src', hidden: true, role: 'region', 'aria-label': t.source, tabindex: '-1' });
  const panel = h('section', { class: 'panel', id: 'fonte-panel', role: 'dialog', 'aria-label': title, hidden: true },
    h('header', {}, h('h2', {}, title), resetBtn, closeBtn), log, starters, errorBar, form, srcView);
  const wrap = h('div', { class: 'w ' + (ds.position === 'left' ? 'left' : 'right'), lang }, panel, launcher, live);
  if (ds.accent && CSS.supports('color', ds.accent)) wrap.style.setProperty('--accent', ds.accent);
  root.append(h('style', {}, STYLE), wrap);

  // ---- state -----------------------------------------------------------------------------------------------------
  let state = { conversationId: null, messages: [], open: ds.open === 'true' || ds.open === '' };
  try { Object.assign(state, JSON.parse(sessionStorage.getItem(STORE)) || {}); } catch (e) { /* private mode */ }
  const save = () => { try { sessionStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* quota */ } };
  let controller = null, lastQuestion = null, retryTimer = null, chipOrigin = null;

  // ---- rendering -------------------------------------------------------------------------------------------------
  const byN = citations => new Map((citations || []).map(c => [c.n, c]));

  /** The answer text with each [n] as a chip: a button once its citation is known, a placeholder while streaming. */
  function richText(text, citations) {
    const map = byN(citations);
    return text.split(/(\[\d+\])/).filter(Boolean).map(part => {
      const m = /^\[(\d+)\]$/.exec(part);
      if (!m) return document.createTextNode(part);
      const c = map.get(+m[1]);
      if (!c) return citations ? document.createTextNode('') : h('span', { class: 'chip', 'aria-hidden': 'true' }, m[1]);
      return h('button', { class: 'chip', type: 'button', 'data-id': c.id, 'aria-label': `${t.source} ${c.n}: ${c.title}`,
        title: c.title, onclick: e => openSource(c, e.currentTarget) }, String(c.n));
    });
  }

  function bubble(m) {
    if (m.role === 'user') return h('div', { class: 'msg user' }, h('span', { class: 'sr' }, t.you + ': '), m.text);
    if (m.answered === false) {
      return h('div', { class: 'msg notice', role: 'note', lang: m.language || null },
        h('strong', {}, t.refused), m.text);
    }
    return h('div', { class: 'msg bot', lang: m.language || null }, h('span', { class: 'sr' }, t.bot + ': '),
      richText(m.text, m.citations), m.stopped ? h('span', { class: 'note' }, t.stopped) : null);
  }

  function render() {
    log.replaceChildren(h('div', { class: 'msg bot' }, ds.greeting || t.greeting), ...state.messages.map(bubble));
    starters.replaceChildren(...(state.messages.length ? [] :
      t.questions.map(q => h('button', { type: 'button', onclick: () => ask(q) }, q))));
    starters.hidden = state.messages.length > 0;
    log.scrollTop = log.scrollHeight;
  }

  function setBusy(busy) {
    sendBtn.hidden = busy;
    stopBtn.hidden = !busy;
    input.setAttribute('aria-busy', busy ? 'true' : 'false');
    if (busy && panel.contains(root.activeElement) && root.activeElement === sendBtn) stopBtn.focus();
  }

  // ---- open / close ----------------------------------------------------------------------------------------------
  function setOpen(open, focus = true) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? t.close : t.open);
    state.open = open;
    save();
    if (open) {
      render();
      if (focus) input.focus();
    } else {
      closeSource(false);
      if (focus) launcher.focus();
    }
  }

  launcher.addEventListener('click', () => setOpen(panel.hidden));
  closeBtn.addEventListener('click', () => setOpen(false));
  resetBtn.addEventListener('click', () => {
    controller?.abort();
    state = { conversationId: null, messages: [], open: true };
    save();
    hideError();
    render();
    input.focus();
  });
  root.addEventListener('keydown', e => {
    if (e.key !== 'Escape') return;
    if (!srcView.hidden) closeSource(true);
    else if (!panel.hidden) setOpen(false);
    else return;
    e.stopPropagation();
    e.preventDefault();
  });

  // ---- asking ----------------------------------------------------------------------------------------------------
  form.addEventListener('submit', e => {
    e.preventDefault();
    const q = input.value.trim();
    if (q && !controller && sendBtn.disabled === false) ask(q);
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', () => {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
  });
  stopBtn.addEventListener('click', () => controller?.abort());
  retryBtn.addEventListener('click', () => { if (lastQuestion) ask(lastQuestion, true); });

  function hideError() {
    clearInterval(retryTimer);
    errorBar.hidden = true;
    sendBtn.disabled = false;
  }

  function showError(message, retryAfter) {
    errorBar.hidden = false;
    clearInterval(retryTimer);
    let left = retryAfter || 0;
    const tick = () => {
      errText.textContent = message + (left > 0 ? ' ' + t.wait(left) : '');
      retryBtn.disabled = sendBtn.disabled = left > 0;
      if (left-- <= 0) clearInterval(retryTimer);
    };
    tick();
    if (left >= 0) retryTimer = setInterval(tick, 1000);
  }

  /** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped at ten minutes. */
  function retryAfterSeconds(value) {
    if (!value) return 0;
    const s = /^\d+$/.test(value.trim()) ? +value : Math.ceil((Date.parse(value) - Date.now()) / 1000);
    return Number.isFinite(s) ? Math.max(0, Math.min(s, 600)) : 0;
  }

  async function ask(question, isRetry = false) {
    if (controller) return;
    hideError();
    lastQuestion = question;
    if (!isRetry || state.messages.at(-1)?.text !== question || state.messages.at(-1)?.role !== 'user') {
      state.messages.push({ role: 'user', text: question });
    }
    save();
    input.value = '';
    input.style.height = '';
    render();

    const pending = h('div', { class: 'msg bot', 'aria-busy': 'true' },
      h('span', { class: 'dots', role: 'img', 'aria-label': t.typing }, h('span'), h('span'), h('span')));
    log.append(pending);
    log.scrollTop = log.scrollHeight;
    controller = new AbortController();
    setBusy(true);
    let text = '';
    let finished = false;
    try {
      const res = await fetch(base + '/api/chat/stream', {
        method: 'POST', signal: controller.signal, credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(state.conversationId ? { question, conversationId: state.conversationId } : { question })
      });
      if (!res.ok) {
        pending.remove();
        const wait = retryAfterSeconds(res.headers.get('Retry-After'));
        let detail = '';
        try { detail = (await res.json()).detail || ''; } catch (e) { /* not problem+json */ }
        if (res.status === 429) showError(t.busy, wait);
        else if (res.status === 503) showError(t.down, wait);
        else showError(res.status < 500 && detail ? detail : t.failed, 0);
        return;
      }
      const onEvent = (event, data) => {
        if (event === 'delta') {
          text += JSON.parse(data).text || '';
          pending.removeAttribute('aria-busy');
          pending.replaceChildren(...richText(text));
          log.scrollTop = log.scrollHeight;
        } else if (event === 'reset') {
          // the text streamed so far is withdrawn: the answer that counts follows
          text = '';
          pending.setAttribute('aria-busy', 'true');
          pending.replaceChildren(
            h('span', { class: 'dots', role: 'img', 'aria-label': t.typing }, h('span'), h('span'), h('span')));
        } else if (event === 'done') {
          const a = JSON.parse(data);
          finished = true;
          state.conversationId = a.conversationId || state.conversationId;
          const m = { role: 'bot', text: a.answer, answered: a.answered !== false, language: a.language, citations: a.citations || [] };
          state.messages.push(m);
          save();
          pending.replaceWith(bubble(m));
          log.scrollTop = log.scrollHeight;
          live.textContent = (m.answered ? t.answerReady : t.refused + ': ') + a.answer.replace(/\[\d+\]/g, '');
        }
      };
      await readSse(res.body, onEvent);
      if (!finished) {
        pending.remove();
        keepPartial(text);
        showError(t.cut, 0);
      }
    } catch (e) {
      pending.remove();
      if (e.name === 'AbortError') {
        keepPartial(text, true);
      } else {
        keepPartial(text);
        showError(t.unreachable, 0);
      }
    } finally {
      controller = null;
      setBusy(false);
    }
  }

  function keepPartial(text, stopped) {
    if (text) state.messages.push({ role: 'bot', text: text.replace(/\[\d+\]/g, ''), answered: true, stopped: true, citations: [] });
    else if (stopped) state.messages.push({ role: 'bot', text: '', answered: true, stopped: true, citations: [] });
    save();
    render();
  }

  /** Reads a text/event-stream body incrementally and calls onEvent(name, data) for every complete event. */
  async function readSse(body, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    const flush = block => {
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue;
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length) onEvent(event, data.join('\n'));
    };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += value.replace(/\r/g, '');
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        flush(buf.slice(0, i));
        buf = buf.slice(i + 2);
      }
    }
    if (buf.trim()) flush(buf);
  }

  // ---- sources ---------------------------------------------------------------------------------------------------
  async function openSource(c, origin) {
    chipOrigin = origin;
    srcView.hidden = false;
    const back = h('button', { class: 'back', type: 'button', onclick: () => closeSource(true) }, '← ' + t.back);
    srcView.replaceChildren(back, h('p', { 'aria-live': 'polite' }, t.loading));
    back.focus();
    try {
      const res = await fetch(base + '/api/citations/' + encodeURIComponent(c.id), { credentials: 'omit', headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const s = await res.json();
      if (srcView.hidden || chipOrigin !== origin) return;
      const ctx = s.context || s.text;
      const off = s.contextStart ?? s.start;
      const a = Math.max(0, Math.min(ctx.length, s.start - off));
      const b = Math.max(a, Math.min(ctx.length, s.end - off));
      const kids = [back, h('span', { class: 'lbl' }, `${t.source} ${c.n}`), h('h3', {}, s.title || c.title),
        h('p', { lang: s.original ? 'en' : null }, ctx.slice(0, a), h('mark', {}, ctx.slice(a, b)), ctx.slice(b))];
      const original = s.original || c.original;
      if (original) kids.push(h('span', { class: 'lbl' }, t.original), h('blockquote', { lang: 'it' }, original.text));
      srcView.replaceChildren(...kids);
      back.focus();
    } catch (e) {
      srcView.replaceChildren(back, h('p', { role: 'alert' }, t.sourceFailed), h('blockquote', {}, c.text || ''));
    }
  }

  function closeSource(focus) {
    if (srcView.hidden) return;
    srcView.hidden = true;
    srcView.replaceChildren();
    if (focus) (chipOrigin && chipOrigin.isConnected ? chipOrigin : input).focus();
    chipOrigin = null;
  }

  // ---- start -----------------------------------------------------------------------------------------------------
  const start = () => {
    document.body.append(host);
    if (state.open) setOpen(true, false);
    else render();
  };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
