// The sweet-spot location study as figures (issue 22 item 6): one scatter per target family
// ('mad@1x', 'worst', ...), each seed's own sweet spot against that seed's own clean-return slope,
// one colour per group. The slope is the property the study can measure per seed, so the plot shows
// at once what the numbers say: how far a group's seeds lie apart (within) against how far the groups
// lie apart (between), and whether the location follows the slope. The caption quotes the scope's
// variance decomposition and verdict (location-variance.ts). Seeds without a sweet spot or a slope
// are not drawn; the caption counts them.

import { criterionWithArm } from './pruning-arm';
import { figureId } from './report-figure';
import { formatDisplay, formatPercent } from './format';
import type { LocationRow, SweetSpotLocation } from './sweet-spot-location';
import type { PlotSeries } from './svg/line-plot';
import type { StandaloneFigure } from './write-figures';

/** One figure per target family that has a seed with a sweet spot, families in the study's order. */
export function locationFigures(location: SweetSpotLocation): StandaloneFigure[] {
  const families = [...new Set(location.rows.map((r) => r.family))];
  return families.flatMap((family) => {
    const figure = familyFigure(location, family);
    return figure ? [figure] : [];
  });
}

function familyFigure(location: SweetSpotLocation, family: string): StandaloneFigure | null {
  const rows = location.rows.filter((r) => r.family === family);
  let left = 0;
  const series: PlotSeries[] = [];
  rows.forEach((row, i) => {
    const points = row.perSeed.flatMap((s) => {
      if (s.sweetSpot === null || s.cleanSlope === null) {
        left += 1;
        return [];
      }
      const tooltip = `${rowName(row)}, seed ${s.seed}: sweet spot ${formatPercent(s.sweetSpot)}, clean slope ${formatDisplay(s.cleanSlope)}`;
      return [{ x: s.cleanSlope, y: s.sweetSpot, tooltip }];
    });
    if (points.length > 0) series.push({ name: rowName(row), points, markersOnly: true, colour: i });
  });
  if (series.length === 0) return null;
  const v = location.variance.find((x) => x.scope === family);
  const spread = v
    ? ` Within-group std of the location over seeds ${formatDisplay(v.pooledWithinStd)}, between the group means ${formatDisplay(v.betweenStd)} ` +
      `(seed noise alone would spread the means by ${formatDisplay(v.seedNoiseOfMeansStd)}): ${v.verdict}${v.tooFewGroups ? ', too few groups to say' : ''}.`
    : '';
  const notDrawn = left > 0 ? ` ${left} seed${left === 1 ? '' : 's'} without a sweet spot or a clean slope not drawn.` : '';
  return {
    id: figureId('location', family),
    spec: {
      id: '',
      className: 'plot-location',
      title: `Sweet spot against clean-return slope, per seed · ${family}`,
      xLabel: `clean-return slope (normalised clean return per unit sparsity, sparsity <= ${formatDisplay(location.options.slopeMaxSparsity)})`,
      yLabel: "the seed's own sweet spot (sparsity)",
      series,
      notes: ['one marker per seed, one colour per group'],
      formatX: formatDisplay,
    },
    caption:
      `Each marker is one seed's own sweet spot under ${family} (the attack at that multiple of the env's epsilon, or the worst case) ` +
      `against the same seed's clean-return slope; one colour per group (env, kappa, criterion, pruning arm).${spread}${notDrawn}`,
  };
}

/** 'Hopper-v4 κ 0 magnitude', 'Hopper-v4 κ 0 magnitude one-shot' */
function rowName(row: LocationRow): string {
  return `${row.env} κ ${formatDisplay(row.kappa)} ${criterionWithArm(row)}`;
}
