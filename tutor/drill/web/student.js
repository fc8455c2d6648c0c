// A student in a live drill: join with a name and the class code, answer each question the
// teacher opens, see the verdict, the answer when it is shown, and the final score.
// Protocol: docs/drills.md (version 1). Text from the host is only ever set as textContent.
"use strict";

const TEXTS = {
  en: {
    heading: "Live drill", name: "Your name", code: "Class code", join_button: "Join",
    send: "Send", hint_button: "Hint", the_answer: "The answer", the_end: "The end",
    connecting: "Connecting…", waiting: "Joined. Waiting for the teacher…",
    reconnecting: "Connection lost, trying again…", lost: "Could not reach the host.",
    question_of: (i, n) => `Question ${i} of ${n}`, seconds: (s) => `${s} s left`,
    correct: "Correct.", partial: "Partly right.", incorrect: "Not quite.", timeout: "Time is up.",
    skipped: "Skipped.", late: "(late: not counted)", tries_left: (n) => `${n} more tr${n === 1 ? "y" : "ies"}.`,
    closed: "This question is closed.", paused: "Paused by the teacher.", answered: "Answered.",
    received: "Sent…", need: (n) => `Give ${n}.`, unit: (u) => `(${u})`, score: (s, n) => `Score: ${s} of ${n}`,
    place: (p, n) => `Place ${p} of ${n}`, yours: "Yours:", other: "العربية",
  },
  ar: {
    heading: "تمرين مباشر", name: "اسمك", code: "رمز الصف", join_button: "انضم",
    send: "أرسل", hint_button: "تلميح", the_answer: "الإجابة", the_end: "النهاية",
    connecting: "جارٍ الاتصال…", waiting: "انضممت. بانتظار المعلم…",
    reconnecting: "انقطع الاتصال، نعيد المحاولة…", lost: "تعذر الوصول إلى المضيف.",
    question_of: (i, n) => `السؤال ${i} من ${n}`, seconds: (s) => `بقي ${s} ث`,
    correct: "صحيح.", partial: "صحيح جزئيا.", incorrect: "ليس تماما.", timeout: "انتهى الوقت.",
    skipped: "تم التخطي.", late: "(متأخر: لا يحتسب)", tries_left: (n) => `محاولات متبقية: ${n}.`,
    closed: "أُغلق هذا السؤال.", paused: "أوقف المعلم التمرين مؤقتا.", answered: "أُجيب.",
    received: "أُرسلت…", need: (n) => `اذكر ${n}.`, unit: (u) => `(${u})`, score: (s, n) => `النتيجة: ${s} من ${n}`,
    place: (p, n) => `المركز ${p} من ${n}`, yours: "إجابتك:", other: "English",
  },
};

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let lang = params.get("lang") || ((navigator.language || "").startsWith("ar") ? "ar" : "en");
const t = (key, ...args) => {
  const v = TEXTS[lang][key];
  return typeof v === "function" ? v(...args) : v;
};
const loc = (x) => (x == null ? "" : typeof x === "string" ? x : x[lang] || x.en || x.ar || "");

const RETRY_MS = 120000;  // a dropped connection is retried for two minutes from the drop
const WATCHDOG_MS = 4000;  // after a wake, a socket that answers no ping this soon is dead

let ws = null, me = null, question = null, seq = 0, ended = false;
let welcomed = false, retryUntil = 0, retryTimer = null, watchdog = null;
let deadline = null, clockTimer = null, lastVerdict = null, lastReveals = [];

function setLanguage(l) {
  lang = l;
  document.documentElement.lang = l;
  document.documentElement.dir = l === "ar" ? "rtl" : "ltr";
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  $("lang").textContent = t("other");
  if (me && me.title) $("title").textContent = me.title;
  if (question) showQuestion(question);
  drawClock();
  if (lastVerdict) showVerdict(lastVerdict);
  for (const r of lastReveals) showReveal(r);  // the answer and its passage in the new language
}

function status(text) { $("status").textContent = text || ""; }

function storageKey(code) { return `tutor.drill.${code}`; }

function connect() {
  clearTimeout(retryTimer);
  status(t("connecting"));
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const sock = new WebSocket(`${scheme}//${location.host}/ws`);
  ws = sock;
  sock.onopen = () => sock.send(JSON.stringify({ type: "join", name: me.name, code: me.code, token: me.token }));
  sock.onmessage = (event) => {
    if (sock !== ws) return;  // a socket given up on
    clearTimeout(watchdog);  // anything from the host shows the connection lives
    receive(JSON.parse(event.data));
  };
  sock.onclose = () => {
    if (sock !== ws) return;
    ws = null;
    dropped();
  };
}

// The connection went (Wi-Fi, a locked phone, the host restarting): rejoin with the token, every
// two seconds for two minutes from the drop; then offer the join form, which rejoins the same way.
function dropped() {
  clearTimeout(watchdog);
  if (ended || !me || !welcomed) {
    if (me && !ended) { status(t("lost")); $("join").hidden = false; }
    return;
  }
  if (!retryUntil) retryUntil = Date.now() + RETRY_MS;
  if (Date.now() < retryUntil) {
    status(t("reconnecting"));
    retryTimer = setTimeout(connect, 2000);
  } else {
    retryUntil = 0;
    status(t("lost"));
    $("join").hidden = false;
  }
}

// Back from a locked screen, a background tab or no network: a socket may look open and be dead,
// and a retry may be waiting on a timer the sleep held up. Reconnect now, or check with a ping.
function wake() {
  if (!me || ended || !welcomed || document.visibilityState === "hidden") return;
  if (!ws) {
    retryUntil = Date.now() + RETRY_MS;
    connect();
  } else if (ws.readyState === WebSocket.OPEN) {
    send({ type: "ping" });
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      const dead = ws;
      ws = null;
      if (dead) dead.close();
      retryUntil = Date.now() + RETRY_MS;
      connect();
    }, WATCHDOG_MS);
  }
}

function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

const handlers = {
  welcome(m) {
    me.token = m.token;
    me.title = m.title;
    me.rules = m.rules || {};
    localStorage.setItem(storageKey(me.code), JSON.stringify({ name: me.name, token: me.token }));
    welcomed = true;
    retryUntil = 0;
    $("join").hidden = true;
    $("title").textContent = m.title;
    status(t("waiting"));
  },
  question(m) {
    question = m;
    lastVerdict = null;
    lastReveals = [];
    $("verdict").textContent = "";
    $("verdict").className = "";
    $("hint").hidden = true;
    $("reveal").hidden = true;
    $("answer").value = "";
    showQuestion(m);
    setClock(m.left);
    status("");
    if (!m.done) $("answer").focus();
  },
  ack(m) {
    status("");
    lastVerdict = m;
    showVerdict(m);
    if (m.hint) showHint(m.hint);
    if (m.final) closeAnswers(t("answered"));
  },
  hint(m) { showHint(m.hint); },
  closed(m) { closeAnswers(t("closed")); setClock(null); },
  time(m) { setClock(m.left); },
  paused() { setClock(null); status(t("paused")); },
  resumed(m) { setClock(m.left); status(""); },
  reveal(m) { lastReveals = [m]; showReveal(m); },
  regraded(m) {
    if (lastVerdict && lastVerdict.qid === m.qid) showVerdict({ ...lastVerdict, ...m, reason: "", reason_ar: "" });
  },
  end(m) {
    ended = true;
    closeAnswers("");
    setClock(null);
    $("question").hidden = true;
    $("end").hidden = false;
    $("final-score").textContent = `${t("score", m.score, m.total)} · ${t("place", m.place, m.of)}`;
    const board = $("leaderboard");
    board.replaceChildren(...(m.leaderboard || []).map(([name, score]) => {
      const li = document.createElement("li");
      const who = document.createElement("bdi");
      who.textContent = name;
      li.append(who, ` — ${score}`);
      return li;
    }));
    lastReveals = m.reveals || [];
    for (const r of lastReveals) showReveal(r);
    status("");
  },
  error(m) {
    status(m.message);
    if (m.fatal) {
      me = null;
      $("join").hidden = false;
    }
  },
  pong() {},
};

function receive(m) {
  const handler = handlers[m.type];
  if (handler) handler(m);
}

function showQuestion(m) {
  $("question").hidden = false;
  $("position").textContent = t("question_of", m.index + 1, m.total);
  $("article").textContent = loc(m.article);
  let prompt = loc(m.prompt);
  if (m.unit) prompt += " " + t("unit", loc(m.unit));
  $("prompt").textContent = prompt;
  $("options").replaceChildren(...(m.options || []).map((o) => {
    const li = document.createElement("li");
    li.dir = "auto";
    li.textContent = loc(o);
    return li;
  }));
  $("need").textContent = m.need ? t("need", m.need) : "";
  $("hint-button").hidden = !m.has_hint;
  const open = !m.done;
  $("answer").disabled = !open;
  for (const b of $("answer-form").querySelectorAll("button")) b.disabled = !open;
}

function showVerdict(m) {
  const box = $("verdict");
  box.className = m.verdict;
  const parts = [t(m.verdict) || m.verdict];
  const reason = lang === "ar" ? m.reason_ar || m.reason : m.reason;
  if (reason) parts.push(reason);
  if (m.late) parts.push(t("late"));
  if (!m.final && m.attempts_left > 0) parts.push(t("tries_left", m.attempts_left));
  box.replaceChildren(...parts.map((p) => {
    const line = document.createElement("p");
    line.dir = "auto";
    line.textContent = p;
    return line;
  }));
}

function showHint(hint) {
  $("hint").textContent = loc(hint);
  $("hint").hidden = false;
}

function closeAnswers(why) {
  $("answer").disabled = true;
  for (const b of $("answer-form").querySelectorAll("button")) b.disabled = true;
  if (question) question.done = true;
  if (why && !lastVerdict) status(why);
}

function showReveal(m) {
  $("reveal").hidden = false;
  $("reveal-answer").textContent = loc(m.answer);
  $("explanation").textContent = loc(m.explanation);
  $("evidence").replaceChildren(...(m.evidence || []).map((e) => {
    const quote = document.createElement("blockquote");
    quote.dir = "auto";
    let at = 0;
    for (const [start, end] of e.marks || []) {
      quote.append(e.text.slice(at, start));
      const mark = document.createElement("mark");
      mark.textContent = e.text.slice(start, end);
      quote.append(mark);
      at = end;
    }
    quote.append(e.text.slice(at));
    const cite = document.createElement("cite");
    cite.dir = "auto";
    cite.textContent = loc(e.title);
    quote.append(document.createElement("br"), cite);
    return quote;
  }));
}

function setClock(left) {
  clearInterval(clockTimer);
  deadline = left == null ? null : Date.now() + left * 1000;
  drawClock();
  if (deadline != null) clockTimer = setInterval(drawClock, 500);
}

function drawClock() {
  const s = deadline == null ? null : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  $("clock").textContent = s == null ? "" : t("seconds", s);
}

document.addEventListener("DOMContentLoaded", () => {
  setLanguage(lang);
  const code = params.get("code");
  if (code) $("code").value = code;
  $("lang").addEventListener("click", () => setLanguage(lang === "ar" ? "en" : "ar"));
  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = $("code").value.trim();
    const name = $("name").value.trim();
    const saved = JSON.parse(localStorage.getItem(storageKey(code)) || "null");
    const token = saved && saved.name === name ? saved.token : null;
    me = { name, code, token };
    ended = false;
    welcomed = false;
    retryUntil = 0;
    if (ws) { const old = ws; ws = null; old.close(); }
    connect();
  });
  $("answer-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const answer = $("answer").value.trim();
    if (!question || !answer) return;
    seq += 1;
    send({ type: "answer", qid: question.id, answer, seq });
    status(t("received"));
  });
  $("hint-button").addEventListener("click", () => {
    if (question) send({ type: "hint", qid: question.id });
  });
  document.addEventListener("visibilitychange", wake);
  window.addEventListener("online", wake);
  window.addEventListener("pageshow", (event) => { if (event.persisted) wake(); });
});
