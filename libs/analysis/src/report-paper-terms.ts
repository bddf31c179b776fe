// The report's section on the paper's terms (issue 15 item 7), as HTML tables only (the figures are
// report-plots'): which normalisation the scores use; the sweet spot per robust target with both
// gains (certified robustness at the named epsilon, and robust return); the certificates of every
// condition per epsilon with their vacuous / constant labels; the regret bound terms beside the
// measured ones with whether each holds; and the monotonicity counts at mask updates.

import type { Analysis, BoundCheck, BoundLabel, CertifiedGain, CertifySummary, GroupAnalysis, MethodCertificate } from './analysis-types';
import { formatDisplay, formatNumber, formatPercent } from './format';
import { criterionWithArm } from './pruning-arm';
import { isProse } from './report-prose';
import { perSeedCell, showsPerSeed } from './report-seed-spots';
import type { Stat } from './stats';
import { escapeXml as esc } from './svg/escape';

function table(head: string[], rows: string[][]): string {
  const th = head.map((h, i) => `<th${i === 0 ? ' class="text"' : ''}>${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td${isProse(c) ? ' class="prose"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table class="paper-terms">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function pm(s: Stat | null): string {
  if (s === null) return '–';
  return s.std === null ? formatDisplay(s.mean) : `${formatDisplay(s.mean)} ± ${formatDisplay(s.std)}`;
}

function eps(value: number | null): string {
  return value === null ? '–' : `ε=${formatNumber(value)}`;
}

function signed(value: number, unit: string): string {
  return `${value >= 0 ? '+' : '−'}${formatDisplay(Math.abs(value))}${unit}`;
}

function yesNo(ok: boolean): string {
  return ok ? '<span class="yes">yes</span>' : '<span class="no">no</span>';
}

function group(g: GroupAnalysis): string[] {
  return [esc(g.env), formatDisplay(g.kappa), esc(criterionWithArm(g))];
}

function targetLabel(g: GroupAnalysis, key: string): string {
  return esc(g.targets.find((t) => t.key === key)?.label ?? key);
}

/** "vacuous (2 of 3 seeds)" style summary of a method's labels; 'ok' when every seed is. */
function labelSummary(labels: ReadonlyArray<BoundLabel | null>): string {
  const n = labels.length;
  const parts: string[] = [];
  for (const l of ['vacuous', 'constant'] as const) {
    const k = labels.filter((x) => x === l).length;
    if (k > 0) parts.push(k === n ? `<span class="no">${l}</span>` : `<span class="no">${l}</span> (${k} of ${n} seeds)`);
  }
  const missing = labels.filter((x) => x === null).length;
  if (missing > 0) parts.push(`not certified for ${missing} of ${n} seeds`);
  return parts.length === 0 ? 'ok' : parts.join(', ');
}

function normalisationText(analysis: Analysis): string {
  const o = analysis.options;
  const how =
    o.normalise === 'own_dense'
      ? "each return under attack A at ε is divided by the dense policy's return under A at ε (<code>own_dense</code>, the paper's score)"
      : "each return under attack is divided by the dense policy's clean return (<code>dense_clean</code>)";
  return (
    `<p>Normalisation: clean returns are divided by the dense clean return; ${how}. ` +
    `score = (normalised clean + normalised robust) / 2, maximised over the sparsities that keep at least ` +
    `${formatPercent(o.keepFraction)} of the dense clean return. Regret bounds use the horizon H = ${formatNumber(o.horizon)}.</p>`
  );
}

function gainCell(c: CertifiedGain | undefined): string {
  if (!c) return '–';
  const values = `${formatDisplay(c.dense)} → ${formatDisplay(c.sweet)}`;
  if (c.gainPoints === null) return `${values} <span class="note">(${esc(c.note ?? '')})</span>`;
  // the reason in full in the tooltip: inline it made the table several screens wide
  const rel = c.gainPercent === null ? `<span class="note" title="${esc(c.note ?? '')}">near-zero baseline</span>` : signed(c.gainPercent, '%');
  const labels = [c.denseLabel, c.sweetLabel].some((l) => l === 'vacuous') ? ' <span class="no">vacuous</span>' : '';
  return `${values} (${rel}, ${signed(c.gainPoints, ' pts')})${labels}`;
}

function sweetSpotTable(analysis: Analysis): string {
  const methods = ['surrogate', 'crown', 'ibp'];
  const showSeeds = showsPerSeed(analysis);
  const rows = analysis.groups.flatMap((g) =>
    g.sweetSpots.map((s) => {
      const spot = s.spot;
      const best = s.unconstrained;
      const unconstrained = best ? `${formatPercent(best.sparsity)} (score ${formatDisplay(best.score)}, clean ${formatPercent(best.cleanRetention)})` : '–';
      const perSeed = showSeeds ? [perSeedCell(s)] : [];
      if (spot === null) return [...group(g), targetLabel(g, s.target), esc(s.reason ?? '–'), ...perSeed, '–', '–', unconstrained, '–', '–', '–', ...methods.map(() => '–')];
      const relative = spot.robustnessGainPercent === null ? esc(spot.robustnessGainNote ?? '–') : signed(spot.robustnessGainPercent, '%');
      return [
        ...group(g),
        targetLabel(g, s.target),
        formatPercent(spot.sparsity),
        ...perSeed,
        formatDisplay(spot.score),
        formatPercent(spot.cleanRetention),
        unconstrained,
        relative,
        spot.robustnessGainPoints === null ? '–' : signed(spot.robustnessGainPoints, ' pts'),
        eps(spot.certificateEpsilon),
        ...methods.map((m) => gainCell(spot.certifiedGains.find((c) => c.method === m))),
      ];
    }),
  );
  if (rows.length === 0) return '<p>No attacks were evaluated, so there is no sweet spot.</p>';
  return table(
    [
      'env', 'kappa', 'criterion', 'robust return under', 'sweet spot', ...(showSeeds ? ['per seed'] : []), 'score', 'clean kept', 'best without the constraint',
      'robust-return gain', 'gain (points of dense clean)', 'certificate at',
      'certified robustness, surrogate (dense → sweet)', 'certified robustness, CROWN', 'certified robustness, IBP',
    ],
    rows,
  );
}

function methodCells(c: CertifySummary, method: string): string[] {
  const m: MethodCertificate | undefined = c.methods.find((x) => x.method === method);
  if (!m) return ['–', '–', '–', '–'];
  return [pm(m.certifiedRobustness), pm(m.certifiedFraction), pm(m.meanCertifiedRadius), labelSummary(m.labels)];
}

function certificateTable(analysis: Analysis): string {
  const rows = analysis.groups.flatMap((g) =>
    g.conditions.flatMap((c) =>
      c.certificates.map((cert) => [
        ...group(g),
        formatPercent(c.sparsity),
        eps(cert.epsilon.mean),
        esc(cert.seeds.join(' ')),
        pm(cert.lipschitzSurrogate),
        ...methodCells(cert, 'surrogate').filter((_, i) => i === 0 || i === 3),
        ...methodCells(cert, 'crown'),
        ...methodCells(cert, 'ibp'),
      ]),
    ),
  );
  if (rows.length === 0) return '<p>No condition was certified.</p>';
  return table(
    [
      'env', 'kappa', 'criterion', 'sparsity', 'ε', 'seeds', 'Lipschitz surrogate', 'surrogate 1 − global TV', 'surrogate label',
      'CROWN 1 − mean TV', 'CROWN certified fraction', 'CROWN mean radius', 'CROWN label',
      'IBP 1 − mean TV', 'IBP certified fraction', 'IBP mean radius', 'IBP label',
    ],
    rows,
  );
}

function checkCells(c: BoundCheck | null): string[] {
  if (c === null) return ['–', '–', '–'];
  const n = c.measured.n;
  const holds = c.holds ? yesNo(true) : `${yesNo(false)} (${c.holdsSeeds} of ${n} seeds)`;
  const vacuous = c.vacuous === null ? '' : c.vacuous ? ' <span class="note">vacuous</span>' : c.vacuousSeeds ? ` <span class="note">vacuous for ${c.vacuousSeeds} of ${n}</span>` : '';
  return [pm(c.measured), pm(c.bound), `${holds}${vacuous}`];
}

function regretBoundTable(analysis: Analysis): string {
  const rows = analysis.groups.flatMap((g) =>
    g.regretBounds.map((b) => [
      ...group(g),
      formatPercent(b.sparsity),
      targetLabel(g, b.target),
      eps(b.epsilon),
      ...checkCells(b.actionShift),
      pm(b.tvPar),
      ...checkCells(b.pruningLoss),
      b.tvCert === null ? '–' : `${pm(b.tvCert)} (${esc(b.tvCertMethod ?? '')})`,
      ...checkCells(b.robustnessGap),
      esc(b.notes.join('; ')),
    ]),
  );
  if (rows.length === 0) return '<p>No attacked conditions, so no regret bounds.</p>';
  return table(
    [
      'env', 'kappa', 'criterion', 'sparsity', 'attack', 'certificate',
      '‖Δμ‖ measured', 'L_par ‖Δθ‖', 'holds', 'TV_par',
      '|J_clean(dense) − J_clean(pruned)|', '2G·min(1, H·TV_par)', 'holds',
      'TV_cert (max over states)', 'J_clean − J_attack (pruned)', '2G·min(1, H·TV_cert)', 'holds', 'notes',
    ],
    rows,
  );
}

function monotonicityTable(analysis: Analysis): string {
  const rows = analysis.groups.flatMap((g) =>
    g.monotonicity.map((m) => [
      ...group(g),
      formatPercent(m.sparsity),
      String(m.updates),
      m.rises === 0 ? '<span class="yes">0</span>' : `<span class="no">${m.rises}</span>`,
      formatDisplay(m.largestRelativeRise),
      esc(m.traces.map((t) => `seed ${t.seed}: ${t.updates}${t.downsampled ? ` (trace keeps ${t.points.length})` : ''}`).join('; ')),
    ]),
  );
  if (rows.length === 0) return '<p>No mask updates were recorded (dense or post-hoc pruned policies only).</p>';
  return table(['env', 'kappa', 'criterion', 'sparsity', 'mask updates', 'surrogate rose', 'largest relative rise', 'updates per seed'], rows);
}

/** The whole section: headings, a note on the constants, and the four tables. */
export function paperTermsSection(analysis: Analysis): string {
  return [
    '<section id="paper-terms">',
    "<h2>The paper's terms</h2>",
    normalisationText(analysis),
    '<h3 id="paper-sweet-spots">Sweet spots: certified and robust-return gains over the dense policy</h3>',
    '<p>Certified robustness is the mean over sampled visited states of 1 − TV bound (surrogate: 1 − its global TV bound), ' +
      "read at the epsilon of the sweet spot's attack (the worst case: at the largest attacked epsilon, whose ball covers every attack). " +
      'A gain over a near-zero baseline is given in points only.</p>',
    sweetSpotTable(analysis),
    '<h3 id="paper-certificates">Certificates per epsilon</h3>',
    '<p>Vacuous: global TV ≥ 0.999 (surrogate), or no state certified, radius 0 and mean TV ≥ 0.999 (CROWN, IBP). ' +
      'Constant: the policy ignores its observation, so there is nothing to certify. Both are left out of the correlations; ' +
      'constant seeds also out of certified robustness.</p>',
    certificateTable(analysis),
    '<h3 id="paper-regret-bounds">Regret bound terms</h3>',
    '<p>|J(p) − J(q)| ≤ 2G·min(1, H·TV) (trajectory TV ≤ H × per-step TV; |E_p f − E_q f| ≤ 2‖f‖∞ TV), with G the largest ' +
      '|episode return| among the two evaluations compared (an empirical stand-in for H·R_max). TV_par = min(1, L_par‖Δθ‖ / (σ_min √(2π))). ' +
      'A bound ≥ 2G is vacuous.</p>',
    regretBoundTable(analysis),
    '<h3 id="paper-monotonicity">Monotonicity at mask updates</h3>',
    '<p>The Lipschitz surrogate right before and right after every mask update during training; pruning alone cannot raise it (expected: 0 rises).</p>',
    monotonicityTable(analysis),
    '</section>',
  ].join('\n');
}
