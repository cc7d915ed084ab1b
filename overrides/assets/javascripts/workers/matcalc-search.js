/*
 * Material's search worker, with this site's query handling in front of it and its ranking after it.
 *
 * Why (README, "Search"): Material hands what a reader types to lunr's query parser, so `x^T A x`
 * raises "boost must be numeric" and returns nothing; every word is a prefix and is not stemmed,
 * so "form" finds "formula" and "hessians" misses "hessian"; a typo finds nothing; and a section
 * shows as its own result only when it outscores its page 2.5 to 1. Here:
 *   - the query is read as words and typed formulas (nothing in it is lunr syntax), each word
 *     stemmed like the index, stop words dropped, only the word being typed used as a prefix,
 *     a word of 5+ letters that matches nothing looked up with edit distance 1 (2 from 8
 *     letters), joined and split forms tried (cross entropy / crossentropy, log det / logdet);
 *   - a typed formula is reduced to the keys hooks/search.py indexes for every formula
 *     (matcheck/searchtext.py: same rule as `searchKey` below);
 *   - lunr runs the resulting terms through its query builder; Material then highlights,
 *     groups and renders as usual;
 *   - the results are re-ranked: how many of the query's words a result covers, how many its
 *     heading and page title name, an exact alias or tag or heading; a result whose heading or
 *     page title holds an asked word only as part of a concept the query did not ask for
 *     ("pseudo-inverse" for "inverse", "Hadamard product" for "product") weighs less; and within a page the best sections are shown (not folded) when they
 *     match as well as the page.
 * Material's own worker is loaded unchanged (importScripts); tests/test_search.py pins the file
 * this wraps and fails if a Material upgrade renames it or changes what is relied on here.
 */
"use strict";

const MATERIAL_WORKER = "search.a7633da7.min.js";   // Material 9.8.1; pinned by tests/test_search.py
const SETUP = 0, QUERY = 2, RESULT = 3;             // Material's SearchMessageType

/* Material's worker registers one "message" listener: keep it, to call it ourselves. */
let material = null;
const addListener = self.addEventListener.bind(self);
self.addEventListener = (type, fn, ...rest) =>
  type === "message" && !material ? (material = fn) : addListener(type, fn, ...rest);
importScripts(MATERIAL_WORKER);
self.addEventListener = addListener;

const lunr = self.lunr;

/* The index Material builds (lunr.Builder#build), and its `search` answered from the plan. */
let index = null;
let active = null;
const build = lunr.Builder.prototype.build;
lunr.Builder.prototype.build = function () {
  index = build.call(this);
  const search = index.search.bind(index);
  index.search = query => {
    if (active)
      try { return runPlan(active); } catch (err) { console.warn(err); }
    return search(query);                 // the plain words of the query, as Material would
  };
  return index;
};

/* --- reading a query ------------------------------------------------------------------------ */

// Typed operators spelled as words (matcheck/searchtext.py KEY_WORDS, same order).
const KEY_WORDS = [["||", "norm"], ["⊗", "kron"], ["⊙", "odot"], ["∘", "odot"], ["∂", "d"], ["∇", "grad"],
  ["nabla", "grad"], ["ᵀ", "t"], ["⁻¹", "inv"], ["²", "2"]];

/** The search key of a typed formula: `x^T A x` -> `xtax` (matcheck.searchtext.search_key). */
function searchKey(text) {
  let s = text.replace(/\^\s*\{?\s*-\s*1\s*\}?/g, "inv").toLowerCase();   // X^{-1}: xinv
  for (const [symbol, word] of KEY_WORDS) s = s.split(symbol).join(word);
  return s.replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * A typed formula in the one spelling the index uses (matcheck/searchtext.py `spellings`):
 * `x'` is `x^T`, `inv(X)` is `X^-1`, `norm(x)` is `||x||`, `kron(A, B)` is `A ⊗ B`, and
 * `d/dX f`, `∂/∂X f`, `grad_X f`, `∇_X f` are `d(f)/dX`.
 */
function canonicalFormula(text) {
  let s = text.replace(/([\p{L}\p{N})\]}])['’]/gu, "$1^T")
    .replace(/\binv\s*\(([^()]*)\)/g, "($1)^-1")
    .replace(/\bnorm\s*\(([^()]*)\)/g, "||$1||")
    .replace(/\bkron\s*\(([^(),]*),([^(),]*)\)/g, "($1) ⊗ ($2)")
    .replace(/(?:\bsigma|σ)\s*\(/gi, "sigmoid(")             // σ(z) is the logistic sigmoid
    .replace(/\btrace\s*\(/gi, "tr(").replace(/\bdeterminant\s*\(/gi, "det(");
  const operator = /^\s*(?:d|∂)\s*\/\s*(?:d|∂)\s*([\p{L}](?:_\{?\w+\}?)?)\s*(\S.*)$/u.exec(s) ||
    /^\s*(?:grad|∇|nabla)\s*_\s*\{?([\p{L}](?:_\w+)?)\}?\s*(\S.*)$/u.exec(s);
  const fraction = /^\s*(?:d|∂)\s*(\S.*?)\s*\/\s*(?:d|∂)\s*([\p{L}](?:_\{?\w+\}?)?)\s*$/u.exec(s);
  if (operator) s = `d(${operator[2]})/d${operator[1]}`;
  else if (fraction && !/^\(.*\)$/.test(fraction[1])) s = `d(${fraction[1]})/d${fraction[2]}`;
  return s;
}

const FUNCTION_NAMES = ["logsumexp", "softmax", "sigmoid", "hessian", "delta", "diag", "sqrt", "tanh",
  "kron", "odot", "grad", "det", "exp", "log", "vec", "tr"];
const GREEK = /^(alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|phi|chi|psi|omega)$/i;

/**
 * The pattern key of a typed formula: symbols renamed in order of first appearance, capitals and
 * lower case apart (matcheck.searchtext.pattern_key): `x^T A y` -> `atab`, `tr(AXB)` -> `trabc`.
 */
function patternKey(text) {
  const names = new Map();
  const counts = { upper: 0, lower: 0 };
  const rename = symbol => {
    if (!names.has(symbol)) {
      const upper = symbol[0] !== symbol[0].toLowerCase();
      const n = counts[upper ? "upper" : "lower"]++;
      names.set(symbol, String.fromCharCode((upper ? 65 : 97) + n % 26));
    }
    return names.get(symbol);
  };
  let out = "";
  const re = /(_\{?[\p{L}\p{N}]+\}?)|(\p{L}+)|([^\p{L}]+)/gu;
  for (let m; (m = re.exec(text));) {
    if (m[1] || m[3]) { out += m[0]; continue; }
    let run = m[2];
    if (GREEK.test(run)) { out += rename(run); continue; }
    const before = text.slice(0, m.index);
    if (/\^\s*\{?\s*$/.test(before) && run[0] === "T") { out += "T"; run = run.slice(1); }
    if (run === "d" || (/\/\s*$/.test(before) && run[0] === "d" && run.length > 1)) {
      out += "d"; run = run.slice(1);
    }
    for (let again = true; again && run;) {
      again = false;
      for (const name of FUNCTION_NAMES)
        if (run.toLowerCase().startsWith(name) && run.length >= name.length) {
          out += name; run = run.slice(name.length); again = true; break;
        }
    }
    [...run].forEach((ch, i) => {
      out += ch === "T" && i > 0 ? "^T" : rename(ch);
    });
  }
  return searchKey(out);
}

const MATH_CHARS = /[\^_'’()[\]{}|\\/=+*⊗⊙∘∂∇·×ᵀ⁻¹²]/;
// Function names and operator words that belong to a formula typed next to them.
const FUNCTIONS = new Set(["tr", "trace", "det", "log", "exp", "inv", "kron", "vec", "diag", "softmax",
  "sigmoid", "tanh", "norm", "grad", "nabla", "d", "sqrt", "logdet"]);
const OPERATOR_WORDS = { transpose: "^T", transposed: "^T", inverse: "^-1", squared: "^2" };
// What a typed symbol is called in prose: also searched for, as an ordinary word.
const SYMBOL_WORDS = [[/\|\|/, "norm"], [/\^\s*\{?\s*T\b|'/, "transpose"], [/\^\s*\{?\s*-\s*1|\binv\b/, "inverse"],
  [/⊗|\bkron\b/, "kronecker"], [/⊙|∘/, "hadamard"], [/\btr\b/i, "trace"], [/\bdet\b/, "determinant"],
  [/\bd\/d|∂|∇|\bgrad\b/, "derivative"]];

function isFormula(chunk) {
  return MATH_CHARS.test(chunk) || /^[A-Za-z]$/.test(chunk) || /^[-+=<>]+$/.test(chunk) || /[a-z][A-Z]/.test(chunk) ||
    (/\d/.test(chunk) && /[A-Za-z]/.test(chunk));
}

// Words the site's readers use for one another (checked as stems): a query word also finds its
// synonyms, at a lower weight, and a page using either covers the word.
const SYNONYMS = [["deriv", "gradient", "differenti", "grad"], ["matrix", "matric"],
  ["wrt", "respect"], ["label", "target"], ["invers", "invert"], ["vector", "vec"], ["transpos", "transpose"],
  ["properti", "rule"], ["error", "errata", "erratum"]];

const stem = word => lunr.stemmer(new lunr.Token(word)).toString();
const isStopWord = word => !lunr.stopWordFilter(new lunr.Token(word));
const known = term => Object.prototype.hasOwnProperty.call(index.invertedIndex, term);

/** A term the index has only as a joined form (hooks/search.py `keys`), never as a word. */
function joinedOnly(term) {
  const posting = known(term) && index.invertedIndex[term];
  return !!posting && Object.entries(posting).every(([field, docs]) =>
    field === "_index" || field === "keys" || !Object.keys(docs).length);
}

function expand(tokenSet, limit = 30) {
  return index.tokenSet.intersect(tokenSet).toArray().slice(0, limit);
}

/**
 * Read a query into units (one per word or typed formula); each unit holds the index terms it
 * may match, with a boost. Nothing typed is ever given to lunr's query parser.
 */
function makePlan(raw) {
  const typing = !/\s$/.test(raw);
  const chunks = raw.normalize("NFKC").trim().split(/\s+/).filter(Boolean)
    .map(c => c.replace(/['’]s$/i, ""));
  const kinds = chunks.map(c => isFormula(c) ? "F" : FUNCTIONS.has(c.toLowerCase()) ||
    c.toLowerCase() in OPERATOR_WORDS ? "N" : "W");
  // A function name or operator word next to a formula is part of it.
  for (let pass = 0; pass < 3; pass++)
    kinds.forEach((k, i) => {
      if (k === "N" && (kinds[i - 1] === "F" || kinds[i + 1] === "F")) kinds[i] = "F";
    });

  const units = [];
  const words = [];
  const plan = { derivative: /\b(deriv|gradient|differenti|grad|jacobian|d\/d)|∂|∇/i.test(raw) };                                 // [word, chunk index] of the prose words
  const addUnit = (label, terms) => {
    const seen = new Map();
    for (const t of terms)
      if (!seen.has(t.term) || seen.get(t.term).boost < t.boost) seen.set(t.term, t);
    if (seen.size) units.push({ label, terms: [...seen.values()] });
  };

  let run = [];
  const flush = () => {
    if (!run.length) return;
    const typed = run.map(c => OPERATOR_WORDS[c.toLowerCase()] || c).join(" ");
    const text = canonicalFormula(typed);
    const terms = [];
    const pushKey = (k, boost) => { if (k.length >= 3 && known(stem(k))) terms.push({ term: stem(k), boost }); };
    pushKey(searchKey(text), 12);
    pushKey(patternKey(text), 6);
    // The formula differentiated, also on its own: d/dw ||Xw - y||^2 is about ||Xw - y||^2.
    const differentiated = /^d\((.*)\)\/d\S+$/u.exec(text);
    if (differentiated) {
      pushKey(searchKey(differentiated[1]), 10);
      pushKey(patternKey(differentiated[1]), 5);
    }
    for (const side of text.split(/=/)) pushKey(patternKey(side), 4);
    // The formula differentiated: d(x^T A x)/dx, whatever the variable is called.
    const whole = searchKey(text);
    if (whole.length >= 3)
      for (const t of expand(lunr.TokenSet.fromString(`d${whole}d*`), 5))
        terms.push({ term: t, boost: plan.derivative ? 8 : 4 });
    for (const side of text.split(/=/)) pushKey(searchKey(side), 8);
    for (const c of run) pushKey(searchKey(OPERATOR_WORDS[c.toLowerCase()] || c), 5);
    for (const atom of text.split(/[^\p{L}\p{N}]+/u)) pushKey(searchKey(atom), 2);
    for (const [pattern, word] of SYMBOL_WORDS)
      if (pattern.test(typed) && known(stem(word))) terms.push({ term: stem(word), boost: 1, weak: true });
    for (const c of run)
      if (FUNCTIONS.has(c.toLowerCase()) && c.length > 2 && known(stem(c.toLowerCase())))
        terms.push({ term: stem(c.toLowerCase()), boost: 4, weak: true });
    addUnit(text, terms);
    run = [];
  };

  chunks.forEach((chunk, i) => {
    if (kinds[i] === "F") { run.push(chunk); return; }
    flush();
    for (const part of chunk.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))
      words.push([part, i]);
  });
  flush();

  words.forEach(([word, i], n) => {
    if (isStopWord(word) || word.length < 2) return;
    const s = stem(word);
    const terms = [];
    const last = n === words.length - 1 && i === chunks.length - 1 && typing;
    if (known(s)) terms.push({ term: s, boost: 10 });
    // Latin plurals the stemmer leaves apart: matrices -> matrix, vertices -> vertex.
    if (/ices$/.test(word))
      for (const singular of [word.slice(0, -4) + "ix", word.slice(0, -4) + "ex"])
        if (known(stem(singular))) terms.push({ term: stem(singular), boost: 10 });
    for (const group of SYNONYMS)
      if (group.includes(s) || terms.some(t => group.includes(t.term)))
        for (const other of group)
          if (other !== s && known(other)) terms.push({ term: other, boost: 3 });
    if (word.length >= 3 && (last || !terms.length))
      for (const t of expand(lunr.TokenSet.fromString(s + "*")))
        if (t !== s) terms.push({ term: t, boost: 2 });
    // A misspelling: the nearest words of the index, closer ones weighing more.
    if (!terms.length && word.length >= 5)
      for (const t of expand(lunr.TokenSet.fromFuzzyString(s, word.length >= 8 ? 2 : 1), 20))
        terms.push({ term: t, boost: 8 / editDistance(s, t) ** 2 });
    // Two words run together: "logdeterminant", "layernorm", "crossentropy" (also when the site
    // writes it joined somewhere, so that the pages writing it apart are found as well).
    const found = terms.length > 0;
    for (let k = 3; k <= word.length - 3 && (!found || joinedOnly(s)); k++) {
      const [a, b] = [stem(word.slice(0, k)), stem(word.slice(k))];
      if (known(a) && known(b) && !isStopWord(word.slice(0, k)) && !isStopWord(word.slice(k))) {
        terms.push({ term: a, boost: found ? 4 : 5 }, { term: b, boost: found ? 4 : 5 });
        break;
      }
    }
    addUnit(word, terms);
  });

  // Words written apart that the site writes joined: "cross entropy" -> "crossentropy".
  for (let n = 0; n + 1 < words.length; n++)
    for (const len of [2, 3]) {
      if (n + len > words.length) continue;
      const joined = stem(words.slice(n, n + len).map(w => w[0]).join(""));
      if (known(joined))
        units.push({ label: joined, terms: [{ term: joined, boost: 8 }], bonus: true });
    }

  const normalized = normalize(raw);
  return { ...plan, raw, normalized, units, materialQuery: [...new Set(units.flatMap(u => u.terms.slice(0, 1)
    .map(t => t.term)))].join(" ") };
}

/** Edit distance with transpositions (what lunr's fuzzy match allows), at least 1. */
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return Math.max(1, d[a.length][b.length]);
}

/** Run a plan through lunr's query builder; keep each result's raw score. */
function runPlan(plan) {
  const results = index.query(query => {
    for (const unit of plan.units)
      for (const { term, boost } of unit.terms)
        query.term(term, { boost, usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
  });
  plan.found = new Map(results.map(r => [r.ref, r]));
  return results;
}

/* --- ranking the results ---------------------------------------------------------------------- */

const normalize = text => String(text).replace(/<[^>]+>/g, "").toLowerCase()
  .split(/[\s\-_]+/).filter(Boolean).join(" ");

const joinedName = text => text.replace(/[^\p{L}\p{N}]+/gu, "");

// location -> what ranking needs of each document: normalized aliases, tags, title
const docs = new Map();

function remember(data) {
  docs.clear();
  for (const doc of data.docs || [])
    docs.set(doc.location, {
      page: !doc.location.includes("#"),
      aliases: new Set((doc.aliases || []).map(normalize)),
      tags: new Set((doc.tags || []).map(normalize)),
      title: normalize(doc.title || "").replace(/¶$/, "").trim(),
      ...readTitle(doc.title || "", doc.location.includes("#")),
    });
}

/**
 * A title's words, stemmed, and the words in it that another word qualifies into a concept of its
 * own. In a section's heading a hyphenated compound is one word with its parts ("The derivative
 * of the pseudo-inverse" is not about "inverse", unless all of it is asked); page titles keep their
 * parts ("Basic matrix-function derivatives" is about matrices). Qualified: {head, qualifiers},
 * the last part of a heading's hyphenated compound ("pseudo-inverse", "log-determinant") and a
 * noun after a proper name ("Hadamard product", "Gaussian densities").
 */
function readTitle(title, heading) {
  const words = new Map(), qualified = [];
  const tokens = String(title).replace(/<[^>]+>/g, "").replace(/¶$/, "").split(/\s+/).filter(Boolean);
  tokens.forEach((token, i) => {
    const parts = token.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(w => w && !isStopWord(w)).map(stem);
    if (heading && parts.length > 1 && /\p{L}-\p{L}/u.test(token)) {
      const word = stem(parts.join(""));
      words.set(word, { word, parts });
      qualified.push({ head: parts[parts.length - 1], qualifiers: parts.slice(0, -1) });
    } else
      for (const part of parts) words.set(part, { word: part, parts: [part] });
    const next = tokens[i + 1] && tokens[i + 1].toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, "");
    if (i > 0 && /^\p{Lu}\p{Ll}{3,}$/u.test(token) && next && /^\p{L}+$/u.test(next) && !isStopWord(next))
      qualified.push({ head: stem(next), qualifiers: [stem(token.toLowerCase())] });
  });
  return { words: [...words.values()], qualified };
}

/** A title word the query asked for: the word, or a compound's every part. */
const askedWord = (asked, w) => asked.has(w.word) || w.parts.every(part => asked.has(part));

/** What a result matched: its raw lunr score and the index terms it contains. */
function hitOf(plan, location) {
  const hit = plan.found && plan.found.get(location);
  return hit ? { score: hit.score, terms: new Set(Object.keys(hit.matchData.metadata)) }
             : { score: 0, terms: new Set() };
}

/** Share of the query's units (words, formulas) whose terms are among `terms`. */
function coverage(plan, terms) {
  const units = plan.units.filter(u => !u.bonus);
  if (!units.length) return 1;
  // A typed formula is covered by its keys, not by a word its symbols are called ("norm").
  return units.filter(u => u.terms.some(t => !t.weak && terms.has(t.term)) ||
    (u.terms.every(t => t.weak) && u.terms.some(t => terms.has(t.term)))).length / units.length;
}

/** Share of a heading's words the query asked for: "A quadratic form" is all about "quadratic form". */
function headingShare(plan, doc) {
  if (!doc || !doc.words.length) return 0;
  const asked = askedTerms(plan);
  return doc.words.filter(w => askedWord(asked, w)).length / doc.words.length;
}

/**
 * Share of the query's words that name the result: its heading read with its page's title. "Hessian
 * of log-sum-exp" is named by Hessians > Log-sum-exp, only half named by Softmax > Log-sum-exp.
 */
function titleRecall(plan, location) {
  const units = plan.units.filter(u => !u.bonus);
  const doc = docs.get(location), page = docs.get(location.split("#")[0]);
  if (!units.length || !doc) return 0;
  const asked = askedTerms(plan);
  const named = new Set([...doc.words, ...(page && page !== doc ? page.words : [])]
    .flatMap(w => (w.parts.length === 1 || askedWord(asked, w) ? [w.word, ...w.parts] : [w.word])));
  return units.filter(u => strongTerms(u).some(t => named.has(t.term))).length / units.length;
}

/** A unit's terms that name what it asks: a typed formula by its keys, not by the words its
 * symbols are called ("tr(AXB)" is not a question about traces); a word by all of them. */
const strongTerms = u => (u.terms.some(t => !t.weak) ? u.terms.filter(t => !t.weak) : u.terms);
const askedTerms = plan => plan.asked ||
  (plan.asked = new Set(plan.units.flatMap(u => strongTerms(u).map(t => t.term))));
const TITLE_RECALL = 1;         // weight of that share: up to 2x for a result its titles name

/**
 * A heading that holds an asked word only inside a compound the query did not ask for: "A rank-one
 * update of the pseudo-inverse" answers "rank one update of the pseudo-inverse", not "... of an
 * inverse". Lunr matched the part; the result is worth COMPOUND of its score.
 */
function inUnaskedCompound(plan, doc, page) {
  if (!doc) return false;
  const asked = askedTerms(plan);
  return [...doc.qualified, ...(page && page !== doc ? page.qualified : [])]
    .some(q => asked.has(q.head) && q.qualifiers.some(w => !asked.has(w)));
}
const COMPOUND = 0.3;           // what such a result is worth

const INHERIT = 0.6;            // a section inherits this share of its page's own match

/**
 * Scores of one page's results. A section is read in its page: its own match plus part of the
 * page's (title, aliases, tags, introduction), covering the query's words together. An exact
 * alias, tag or heading wins outright.
 */
function rankGroup(plan, group) {
  const page = group.find(item => !item.location.includes("#"));
  const p = page ? hitOf(plan, page.location) : { score: 0, terms: new Set() };
  return group.map(item => {
    const doc = docs.get(item.location);
    const own = hitOf(plan, item.location);
    const section = item !== page;
    if (!own.score) return { ...item, score: 0 };
    const terms = section ? new Set([...own.terms, ...p.terms]) : own.terms;
    // What Material shows as "Missing:" and highlights: the words as typed, not their stems.
    const asked = Object.fromEntries(plan.units.filter(u => !u.bonus)
      .map(u => [u.label, u.terms.some(t => terms.has(t.term))]));
    const raw = own.score + (section ? INHERIT * p.score : 0);
    const cover = coverage(plan, terms);
    let score = raw * (0.05 + 0.95 * cover ** 3) * (1 + headingShare(plan, doc)) *
      (1 + TITLE_RECALL * titleRecall(plan, item.location)) *
      (inUnaskedCompound(plan, doc, docs.get(item.location.split("#")[0])) ? COMPOUND : 1);
    if (doc) {
      // Exact names compare written together too: "logsumexp" is "log-sum-exp".
      const asked = joinedName(plan.normalized), named = set => [...set].some(n => joinedName(n) === asked);
      if (named(doc.aliases)) score *= 1000;
      else if (doc.page && named(doc.tags)) score *= 100;
      else if (joinedName(doc.title) === asked) score *= 10;
    }
    return { ...item, score, terms: asked };
  });
}

// Sections shown unfolded under their page: the best one when it scores this share of the best
// result of its page, the second when it scores the second share.
const SECTION_SHARES = [0.4, 0.8];

function reshape(plan, result) {
  if (!plan || !result.items || !result.items.length) return result;
  const groups = result.items.map(group => {
    const items = rankGroup(plan, group).sort((a, b) => b.score - a.score);
    const top = items[0].score;
    let shown = 0;
    for (const item of items)
      if (item.location.includes("#") && item.score > 0 && shown < SECTION_SHARES.length &&
          item.score >= SECTION_SHARES[shown] * top) {
        item.score = top;                                // Material unfolds sections >= the best
        shown++;
      }
    items.sort((a, b) => b.score - a.score);
    return { top, items };
  }).filter(g => g.top > 0);
  groups.sort((a, b) => b.top - a.top);
  return { ...result, items: groups.map(g => g.items) };
}

/* --- messages ----------------------------------------------------------------------------------- */

const plans = [];
const post = self.postMessage;
self.postMessage = (message, ...rest) => {
  if (message && message.type === RESULT) {
    const plan = plans.shift();
    try { message = { ...message, data: reshape(plan, message.data) }; } catch (err) { console.warn(err); }
  }
  return post.call(self, message, ...rest);
};

addListener("message", ev => {
  const message = ev.data;
  if (message.type === SETUP) remember(message.data);
  if (message.type !== QUERY) return material(ev);
  let plan = null;
  try { plan = index ? makePlan(String(message.data)) : null; } catch (err) { console.warn(err); }
  plans.push(plan);
  active = plan;
  // Without a plan (a bug here), Material searches the query's plain words: never a syntax error.
  const words = String(message.data).replace(/[^\p{L}\p{N}\s]+/gu, " ");
  return Promise.resolve(material({ data: { type: QUERY, data: plan ? plan.materialQuery : words } }))
    .finally(() => { active = null; });
});
