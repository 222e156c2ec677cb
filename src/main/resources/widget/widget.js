/*! Fonte chat widget: one tag, no dependencies, no build step.
 *  <script src="https://fonte.example/widget.js" defer></script>
 *  Optional: data-title, data-greeting, data-language (it|en), data-position (left|right), data-accent,
 *  data-open (true, or a media query such as "(min-width: 1000px)"), data-api. */
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
      notAllowed: 'Questo sito non è autorizzato a usare l’assistente di Fonte.',
      busy: 'Troppe richieste in questo momento.', down: 'Il servizio è temporaneamente non disponibile.',
      failed: 'Qualcosa è andato storto.', cut: 'La risposta si è interrotta.', retry: 'Riprova',
      wait: s => `Riprova tra ${s} s.`, sourceFailed: 'Impossibile aprire la fonte.', starters: 'Domande suggerite',
      log: 'Conversazione', newline: 'Invio per inviare, Maiusc+Invio per andare a capo',
      resumed: 'La pagina è stata ricaricata durante la risposta: la chiedo di nuovo.',
      hint: 'Tocca un numero per leggere il passaggio citato.',
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
      notAllowed: 'This site is not allowed to use the Fonte assistant.',
      busy: 'Too many requests right now.', down: 'The service is temporarily unavailable.',
      failed: 'Something went wrong.', cut: 'The answer was cut off.', retry: 'Retry',
      wait: s => `Retry in ${s} s.`, sourceFailed: 'Could not open the source.', starters: 'Suggested questions',
      log: 'Conversation', newline: 'Enter to send, Shift+Enter for a new line',
      resumed: 'The page was reloaded during the answer: asking for it again.',
      hint: 'Tap a number to read the cited passage.',
      questions: ['How much will Meta spend on capital expenditure in 2025?',
        'How many GPUs will Meta have by the end of the year?', 'How big is Meta’s new data center?']
    }
  };
  const t = I18N[lang];

  // ---- colours: the accent, and what reads on it and beside it at WCAG AA in both schemes -------------------------
  const LIGHT = { bg: [255, 255, 255], bubble: [241, 243, 246] };
  const DARK = { bg: [22, 25, 30], bubble: [36, 41, 50] };
  const BLACK = [17, 17, 17], WHITE = [255, 255, 255];
  const ctx = document.createElement('canvas').getContext('2d');
  const rgb = c => {
    ctx.fillStyle = '#000';
    ctx.fillStyle = c;
    const v = ctx.fillStyle;
    return v[0] === '#' ? [1, 3, 5].map(i => parseInt(v.slice(i, i + 2), 16))
      : v.match(/[\d.]+/g).slice(0, 3).map(Number);
  };
  const lum = c => c.map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  const mix = (a, b, k) => a.map((v, i) => Math.round(v + (b[i] - v) * k));
  const hex = c => '#' + c.map(v => v.toString(16).padStart(2, '0')).join('');
  /** c moved toward `to` until it reads at 4.5:1 on every colour of `on`. */
  const readable = (c, to, on) => {
    for (let k = 0; k < 1; k += 0.04) if (on.every(b => contrast(mix(c, to, k), b) >= 4.5)) return mix(c, to, k);
    return to;
  };
  function palette(accentCss) {
    let accent = rgb(accentCss);
    const onAccent = contrast(WHITE, accent) >= contrast(BLACK, accent) ? WHITE : BLACK;
    accent = readable(accent, onAccent === WHITE ? BLACK : WHITE, [onAccent]);
    const vars = { '--accent': accent, '--on-accent': onAccent };
    for (const [suffix, s, to] of [['l', LIGHT, BLACK], ['d', DARK, WHITE]]) {
      const chip = mix(accent, s.bubble, 0.84);
      vars['--chip-' + suffix] = chip;
      vars['--link-' + suffix] = readable(accent, to, [s.bg, s.bubble, chip]);
    }
    return vars;
  }

  const STYLE = `
:host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483000!important;
  width:0!important;height:0!important;inset:auto!important;visibility:visible!important;opacity:1!important;
  transform:none!important;filter:none!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.w{--bg:#fff;--fg:#1b1f24;--muted:#5b6470;--line:#d9dde3;--field:#7b8490;--bubble:#f1f3f6;--notice:#fff7e0;
  --notice-line:#a8741a;--mark:#ffe58a;--err:#b42318;--link:var(--link-l);--chip:var(--chip-l);
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);
  -webkit-font-smoothing:antialiased;text-align:left;letter-spacing:normal;word-spacing:normal;text-transform:none}
@media (prefers-color-scheme:dark){.w{--bg:#16191e;--fg:#e8eaed;--muted:#a0a8b3;--line:#343a43;--field:#737c88;
  --bubble:#242932;--notice:#3a3120;--notice-line:#b8892b;--mark:#7a6414;--err:#ff8a80;--link:var(--link-d);
  --chip:var(--chip-d)}}
button,textarea{font:inherit;color:inherit;margin:0}
button{cursor:pointer;border:0;background:none;padding:0}
:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.hd :focus-visible{outline-color:var(--on-accent)}
.launcher{position:fixed;bottom:20px;width:56px;height:56px;border-radius:50%;background:var(--accent);
  color:var(--on-accent);box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center}
.launcher:focus-visible{outline-color:var(--page-ring,#111);outline-offset:3px}
svg{width:24px;height:24px;fill:currentColor}
.launcher svg{width:28px;height:28px}
.right .launcher,.right .panel{right:20px}.left .launcher,.left .panel{left:20px}
.panel{position:fixed;bottom:88px;width:380px;height:min(600px,calc(100vh - 110px));background:var(--bg);
  border:1px solid var(--line);border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.25);display:flex;
  flex-direction:column;overflow:hidden}
.hd{display:flex;align-items:center;gap:6px;height:54px;padding:0 10px 0 16px;background:var(--accent);
  color:var(--on-accent);flex:none}
h2{font-size:16px;font-weight:600;margin:0;flex:1;line-height:1.3}
.icon{width:34px;height:34px;border-radius:8px;display:grid;place-items:center;font-size:20px;line-height:1}
.icon:hover{background:rgba(127,127,127,.25)}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px}
.msg{max-width:88%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.user{align-self:flex-end;background:var(--accent);color:var(--on-accent);border-bottom-right-radius:4px}
.bot{align-self:flex-start;background:var(--bubble);border-bottom-left-radius:4px}
.notice{align-self:stretch;max-width:none;background:var(--notice);border:1px dashed var(--notice-line);font-size:14px}
.notice strong{display:block;font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin-bottom:2px}
.note{display:block;color:var(--muted);font-size:13px;font-style:italic;margin-top:4px}
.note.top{margin:0 0 4px}
.nw{white-space:nowrap}
.chip{display:inline-block;min-width:24px;height:24px;padding:0 5px;margin:0 0 0 3px;border-radius:6px;font-size:13px;
  font-weight:700;line-height:22px;text-align:center;vertical-align:baseline;background:var(--chip);color:var(--link);
  border:1px solid currentColor;font-variant-numeric:tabular-nums}
span.chip{opacity:.6;border-style:dashed}
button.chip:hover{background:var(--bg)}
.dots span{display:inline-block;width:7px;height:7px;margin:0 2px;border-radius:50%;background:var(--muted);
  animation:b 1.2s infinite ease-in-out}
.dots span:nth-child(2){animation-delay:.15s}.dots span:nth-child(3){animation-delay:.3s}
@keyframes b{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.dots span{animation:none;opacity:.6}}
.starters{display:flex;flex-direction:column;align-items:stretch;gap:6px;padding:0 14px 10px}
.starters button{border:1px solid var(--link);border-radius:10px;padding:6px 11px;font-size:13px;text-align:left}
.starters button:hover{background:var(--bubble)}
.error{align-self:stretch;max-width:none;border:1px solid var(--err);color:var(--err);font-size:14px;display:flex;
  gap:8px;align-items:center;white-space:normal}
.error span{flex:1}
.error button{border:1px solid currentColor;border-radius:6px;padding:3px 10px;font-weight:600;min-height:28px}
.error button:disabled{opacity:.6;cursor:default}
form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--line);align-items:flex-end;flex:none}
textarea{flex:1;resize:none;min-height:40px;max-height:120px;padding:9px 11px;border:1px solid var(--field);
  border-radius:10px;background:var(--bg);line-height:1.4}
textarea::placeholder{color:var(--muted);opacity:1}
textarea:focus{outline:3px solid var(--link);outline-offset:2px}
.send,.stop{flex:none;width:40px;height:40px;border-radius:10px;background:var(--accent);color:var(--on-accent);
  display:grid;place-items:center}
.stop{background:var(--fg);color:var(--bg)}
.send:disabled{opacity:.6;cursor:default}
.src{position:absolute;inset:54px 0 0;background:var(--bg);display:flex;flex-direction:column}
.src .bar{display:flex;align-items:center;gap:8px;padding:6px 14px;border-bottom:1px solid var(--line);flex:none;
  min-width:0}
.src .back{flex:none;font-weight:600;color:var(--link);padding:4px 2px}
.src .ttl{flex:1;min-width:0;font-size:12px;color:var(--muted);white-space:nowrap;overflow:hidden;
  text-overflow:ellipsis}
.src .body{position:relative;flex:1;overflow-y:auto;padding:12px 14px 24px}
.src p,.src blockquote{margin:0;white-space:pre-wrap}
.src blockquote{margin:8px 0;border-left:3px solid var(--link);padding:2px 0 2px 10px}
.src blockquote .lbl{display:block}
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
  const svg = d => `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${d}"/></svg>`;
  const ICON = {
    chat: svg('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z' +
      'm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z'),
    close: svg('M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z'),
    send: svg('M3 20.5 21 12 3 3.5v6.6L15 12 3 13.9z'),
    stop: svg('M7 7h10v10H7z')
  };
  const iconButton = (cls, label, icon, type = 'button') => {
    const b = h('button', { class: cls, type, 'aria-label': label, title: label });
    b.innerHTML = icon;
    return b;
  };

  // ---- DOM -------------------------------------------------------------------------------------------------------
  const host = document.createElement('fonte-chat');
  const root = host.attachShadow({ mode: 'open' });
  const title = ds.title || t.title;
  const launcher = iconButton('launcher', t.open, ICON.chat);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'fonte-panel');
  const resetBtn = h('button', { class: 'icon', type: 'button', 'aria-label': t.reset, title: t.reset }, '↺');
  const closeBtn = iconButton('icon', t.close, ICON.close);
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'off', 'aria-label': t.log, tabindex: '-1' });
  const starters = h('div', { class: 'starters', role: 'group', 'aria-label': t.starters });
  const input = h('textarea', { rows: '1', placeholder: t.placeholder, 'aria-label': t.input,
    'aria-describedby': 'fonte-hint', maxlength: '2000' });
  const sendBtn = iconButton('send', t.send, ICON.send, 'submit');
  const stopBtn = iconButton('stop', t.stop, ICON.stop);
  stopBtn.hidden = true;
  const form = h('form', {}, input, sendBtn, stopBtn, h('span', { id: 'fonte-hint', class: 'sr' }, t.newline));
  const live = h('div', { class: 'sr live', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const back = h('button', { class: 'back', type: 'button', onclick: () => closeSource(true) }, '← ' + t.back);
  const srcTitle = h('span', { class: 'ttl' });
  const srcBody = h('div', { class: 'body', 'aria-live': 'polite' });
  const srcView = h('section', { class: 'src', hidden: true, role: 'region', 'aria-label': t.source },
    h('div', { class: 'bar' }, back, srcTitle), srcBody);
  const panel = h('section', { class: 'panel', id: 'fonte-panel', role: 'dialog', 'aria-label': title, hidden: true },
    h('div', { class: 'hd' }, h('h2', {}, title), resetBtn, closeBtn), log, starters, form, srcView);
  const wrap = h('div', { class: 'w ' + (ds.position === 'left' ? 'left' : 'right'), lang }, panel, launcher, live);
  const colours = palette(ds.accent && CSS.supports('color', ds.accent) ? ds.accent : '#1a56db');
  for (const [k, v] of Object.entries(colours)) wrap.style.setProperty(k, hex(v));
  root.append(h('style', {}, STYLE), wrap);

  /** The launcher's focus ring sits on the host page: dark on a light page, light on a dark one. */
  launcher.addEventListener('focus', () => {
    let bg = WHITE;
    for (const el of [document.documentElement, document.body]) { // html's own background, else body's (propagated)
      const c = el && getComputedStyle(el).backgroundColor;
      if (c && !/^rgba\(.*, 0\)$|transparent/.test(c)) { bg = rgb(c); break; }
    }
    wrap.style.setProperty('--page-ring', contrast(BLACK, bg) >= contrast(WHITE, bg) ? hex(BLACK) : '#fff');
  });

  // ---- state -----------------------------------------------------------------------------------------------------
  // messages: what was asked and answered. pending: a question whose answer has not finished yet; it is saved so that
  // a reload during the answer asks it again (visibly), and a half answer is never kept as if it were final.
  const wantsOpen = ds.open === 'true' || ds.open === '' || (/^\(/.test(ds.open || '') && matchMedia(ds.open).matches);
  // open: the reader's own choice (null until they open or close the panel: data-open decides until then)
  let state = { conversationId: null, messages: [], pending: null, open: null, hinted: false };
  try { Object.assign(state, JSON.parse(sessionStorage.getItem(STORE)) || {}); } catch (e) { /* private mode */ }
  const save = () => { try { sessionStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* quota */ } };
  // the answer being streamed (never saved) and the error shown under the last question (never saved)
  let stream = null, error = null, controller = null, retryTimer = null, chipOrigin = null, leaving = false;
  addEventListener('pagehide', () => { leaving = true; });
  addEventListener('pageshow', () => { leaving = false; });

  // ---- rendering -------------------------------------------------------------------------------------------------
  const MARKERS = /(\S*?)((?:\s*\[\d+\])+)([.,;:!?…»”)]*)/g;
  const plain = text => text.replace(/\s*\[\d+\]/g, '');

  /**
   * The answer text with each [n] as a chip: a button once its citation is known, a placeholder while streaming, and
   * nothing for a marker the final answer does not cite. A chip stays on one line with its word and punctuation.
   */
  function richText(text, citations, language) {
    const map = new Map((citations || []).map(c => [c.n, c]));
    const out = [];
    let last = 0;
    for (const m of text.matchAll(MARKERS)) {
      out.push(text.slice(last, m.index));
      const chips = [...m[2].matchAll(/\d+/g)].map(([n]) => {
        const c = map.get(+n);
        if (!c) return citations ? null : h('span', { class: 'chip', 'aria-hidden': 'true' }, n);
        return h('button', { class: 'chip', type: 'button', 'data-id': c.id,
          'aria-label': `${t.source} ${c.n}: ${c.title}`, title: c.title,
          onclick: e => openSource(c, e.currentTarget, language) }, String(c.n));
      });
      out.push(h('span', { class: 'nw' }, m[1], chips, m[3]));
      last = m.index + m[0].length;
    }
    out.push(text.slice(last));
    return out.filter(Boolean);
  }

  function bubble(m, hint) {
    if (m.role === 'user') return h('div', { class: 'msg user' }, h('span', { class: 'sr' }, t.you + ': '), m.text);
    if (m.answered === false) {
      return h('div', { class: 'msg notice', role: 'note', lang: m.language || null },
        h('strong', {}, t.refused), m.text);
    }
    return h('div', { class: 'msg bot', lang: m.language || null }, h('span', { class: 'sr' }, t.bot + ': '),
      richText(m.text, m.partial ? null : m.citations, m.language),
      m.partial ? h('span', { class: 'note' }, m.partial === 'cut' ? t.cut : t.stopped) : null,
      hint ? h('span', { class: 'note hint', 'aria-hidden': 'true' }, t.hint) : null);
  }

  function streamBubble() {
    stream.el = h('div', { class: 'msg bot', 'aria-busy': 'true' },
      stream.note ? h('span', { class: 'note top' }, stream.note) : null,
      stream.text ? richText(stream.text) :
        h('span', { class: 'dots', role: 'img', 'aria-label': t.typing }, h('span'), h('span'), h('span')));
    return stream.el;
  }

  function errorLine() {
    const retry = error.retry ? h('button', { type: 'button', onclick: retryLast }, t.retry) : null;
    const text = h('span');
    const tick = () => {
      const left = Math.ceil((error.until - Date.now()) / 1000);
      text.textContent = error.message + (left > 0 ? ' ' + t.wait(left) : '');
      if (retry) retry.disabled = left > 0;
      sendBtn.disabled = left > 0;
      if (left <= 0) clearInterval(retryTimer);
    };
    tick();
    if (error.until > Date.now()) retryTimer = setInterval(tick, 1000);
    return h('div', { class: 'msg error', role: 'alert' }, text, retry);
  }

  function render() {
    // a redraw keeps the focus, and the chip a source view returns to, on the same button of the conversation
    const buttons = () => [...log.querySelectorAll('button')];
    const focused = buttons().indexOf(root.activeElement), origin = buttons().indexOf(chipOrigin);
    const inStarters = starters.contains(root.activeElement);
    clearInterval(retryTimer); // the countdown of an error that this redraw may remove
    const hintAt = state.hinted ? -1 : state.messages.findLastIndex(m => m.citations?.length && !m.partial);
    log.replaceChildren(...[h('div', { class: 'msg bot' }, ds.greeting || t.greeting),
      ...state.messages.map((m, i) => bubble(m, i === hintAt)), stream && streamBubble(), error && errorLine()]
      .filter(Boolean));
    const fresh = !state.messages.length && !stream;
    starters.replaceChildren(...(fresh ? t.questions.map(q => h('button', { type: 'button', onclick: () => ask(q) }, q))
      : []));
    starters.hidden = !fresh;
    log.scrollTop = log.scrollHeight;
    if (focused >= 0 || inStarters && !fresh) (buttons()[focused] || input).focus();
    if (origin >= 0) chipOrigin = buttons()[origin] || null;
  }

  function paintStream() {
    if (stream.el?.isConnected) {
      stream.el.replaceWith(streamBubble());
      log.scrollTop = log.scrollHeight;
    }
  }

  function setBusy(busy) {
    const hadFocus = root.activeElement === (busy ? sendBtn : stopBtn);
    sendBtn.hidden = busy;
    stopBtn.hidden = !busy;
    input.setAttribute('aria-busy', String(busy));
    if (hadFocus) (busy ? stopBtn : sendBtn).focus();
  }

  // ---- open / close ----------------------------------------------------------------------------------------------
  function setOpen(open, focus = true, chosen = true) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? t.close : t.open);
    launcher.title = open ? t.close : t.open;
    launcher.innerHTML = open ? ICON.close : ICON.chat;
    if (chosen) {
      state.open = open;
      save();
    }
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
    const c = controller;
    controller = null;
    c?.abort();
    state = { conversationId: null, messages: [], pending: null, open: true, hinted: state.hinted };
    stream = error = null;
    save();
    closeSource(false);
    setBusy(false);
    sendBtn.disabled = false;
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
    if (q && !controller && !sendBtn.disabled) ask(q);
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

  function retryLast() {
    const last = state.messages.at(-1);
    if (last?.role === 'user') ask(last.text, { again: true });
  }

  function fail(message, { retry = true, wait = 0 } = {}) {
    error = { message, retry, until: Date.now() + wait * 1000 };
    render();
  }

  /** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped at ten minutes. */
  function retryAfterSeconds(value) {
    if (!value) return 0;
    const s = /^\d+$/.test(value.trim()) ? +value : Math.ceil((Date.parse(value) - Date.now()) / 1000);
    return Number.isFinite(s) ? Math.max(0, Math.min(s, 600)) : 0;
  }

  /**
   * A fetch that failed without a response is a server that cannot be reached, or a server that refuses this page's
   * origin (CORS). A no-cors request tells them apart: it gets an (opaque) answer from any server that is up.
   */
  async function originRefused() {
    try {
      await fetch(base + '/health', { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
      return true;
    } catch (e) {
      return false;
    }
  }

  /** Asks a question; `again` re-asks the last one (Retry), `resumed` re-asks the one a reload interrupted. */
  async function ask(question, { again = false, resumed = false } = {}) {
    if (controller) return;
    error = null;
    sendBtn.disabled = false;
    if (!again && !resumed) {
      state.messages.push({ role: 'user', text: question });
      input.value = '';
      input.style.height = '';
    }
    state.pending = { question };
    save();
    stream = { text: '', note: resumed ? t.resumed : null, el: null };
    render();
    const mine = controller = new AbortController();
    setBusy(true);
    let done = false;
    try {
      const res = await fetch(base + '/api/chat/stream', {
        method: 'POST', signal: mine.signal, credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(state.conversationId ? { question, conversationId: state.conversationId } : { question })
      });
      if (!res.ok) {
        const wait = retryAfterSeconds(res.headers.get('Retry-After'));
        let detail = '';
        try { detail = (await res.json()).detail || ''; } catch (e) { /* not problem+json */ }
        settle(null);
        if (res.status === 429) fail(t.busy, { wait });
        else if (res.status === 503) fail(t.down, { wait });
        else fail(res.status < 500 && detail ? detail : t.failed, { retry: res.status >= 500 });
        return;
      }
      await readSse(res.body, (event, data) => {
        if (controller !== mine) return;
        if (event === 'delta') {
          stream.text += JSON.parse(data).text || '';
          paintStream();
        } else if (event === 'reset') {
          // the server withdrew what it streamed (a model's answer failed its checks): a fallback answer follows
          stream.text = '';
          paintStream();
        } else if (event === 'done') {
          const a = JSON.parse(data);
          done = true;
          state.conversationId = a.conversationId || state.conversationId;
          settle({ role: 'bot', text: a.answer, answered: a.answered !== false, language: a.language,
            citations: a.citations || [] });
          live.textContent = (a.answered !== false ? t.answerReady : t.refused + ': ') + plain(a.answer);
        }
      });
      if (!done && controller === mine) {
        settle(partial('cut'));
        fail(t.cut);
      }
    } catch (e) {
      if (leaving || controller !== mine) return; // a reload (the answer is asked again) or a new conversation
      if (e.name === 'AbortError') {
        settle(partial('stopped') || { role: 'bot', text: '', answered: true, partial: 'stopped' });
      } else {
        const p = partial('cut');
        const refused = !stream.text && await originRefused();
        settle(p);
        fail(refused ? t.notAllowed : t.unreachable, { retry: !refused });
      }
    } finally {
      if (controller === mine) {
        controller = null;
        setBusy(false);
      }
    }
  }

  const partial = kind => stream?.text
    ? { role: 'bot', text: plain(stream.text), answered: true, partial: kind } : null;

  /** Ends the answer being streamed: its message (final, or a partial marked as such) replaces the streamed text. */
  function settle(message) {
    if (message) state.messages.push(message);
    state.pending = null;
    stream = null;
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
  const behind = () => [log, starters, form];

  async function openSource(c, origin, language) {
    chipOrigin = origin;
    // a host page may show the passage too (the demo page highlights it in the article)
    host.dispatchEvent(new CustomEvent('fonte:source', { bubbles: true, composed: true, detail: {
      id: c.id, documentId: c.documentId, start: c.start, end: c.end, text: c.text, original: c.original || null } }));
    state.hinted = true;
    save();
    log.querySelectorAll('.hint').forEach(el => el.remove());
    srcView.hidden = false;
    behind().forEach(el => { el.inert = true; });
    srcTitle.textContent = `${t.source} ${c.n} · ${c.title}`;
    srcTitle.title = c.title;
    srcBody.setAttribute('aria-busy', 'true');
    srcBody.replaceChildren(h('p', {}, t.loading));
    srcBody.scrollTop = 0;
    back.focus();
    try {
      const res = await fetch(base + '/api/citations/' + encodeURIComponent(c.id),
        { credentials: 'omit', headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const s = await res.json();
      if (srcView.hidden || chipOrigin !== origin) return;
      const ctx = s.context || s.text;
      const off = s.contextStart ?? s.start;
      const a = Math.max(0, Math.min(ctx.length, s.start - off));
      const b = Math.max(a, Math.min(ctx.length, s.end - off));
      const mark = h('mark', {}, ctx.slice(a, b));
      const original = s.original || c.original;
      const para = (...kids) => h('p', { lang: language || null }, ...kids);
      // the original right under the highlighted span, then the rest of the paragraph
      srcBody.replaceChildren(...(original ? [para(ctx.slice(0, a), mark),
        h('blockquote', { lang: 'it' }, h('span', { class: 'lbl' }, t.original), original.text),
        para(ctx.slice(b).trimStart())] : [para(ctx.slice(0, a), mark, ctx.slice(b))]));
      srcBody.scrollTop = Math.max(0, mark.offsetTop - 16);
    } catch (e) {
      srcBody.replaceChildren(h('p', { role: 'alert' }, t.sourceFailed),
        ...(c.text ? [h('blockquote', {}, c.text)] : []));
    } finally {
      srcBody.removeAttribute('aria-busy');
    }
  }

  function closeSource(focus) {
    if (srcView.hidden) return;
    srcView.hidden = true;
    srcBody.replaceChildren();
    behind().forEach(el => { el.inert = false; });
    if (focus) (chipOrigin && chipOrigin.isConnected ? chipOrigin : input).focus();
    chipOrigin = null;
  }

  // ---- start -----------------------------------------------------------------------------------------------------
  // On <html>, not <body>: a transform or filter on the host page's body would otherwise become the containing block
  // of the widget's fixed-position launcher and panel, and move them with the page.
  document.documentElement.append(host);
  if (state.open ?? wantsOpen) setOpen(true, false, false);
  else render();
  if (state.pending) ask(state.pending.question, { resumed: true });
})();
