export type { EvalResult, PerStateCertificate, CertifyResult, TrainingPoint, GridPointResult, AnalysisOptions } from './types';
export type {
  AnalyseOptions,
  RobustTarget,
  RobustSummary,
  PerStateSummary,
  CertifySummary,
  ConditionSummary,
  SeedScores,
  SweetSpot,
  SweetSpotResult,
  SweetSpotChoice,
  SeedSweetSpot,
  RegretRow,
  BoundName,
  CorrelationPoint,
  CorrelationResult,
  CertifiedCorrelationPoint,
  CertifiedCorrelationResult,
  SeedCorrelation,
  TrainingCurvePoint,
  TrainingCurve,
  BaselineInfo,
  GroupAnalysis,
  Analysis,
} from './analysis-types';
export type { ParameterPathResult, MaskUpdateRecord, PruningArm, PruningMode } from './types';
export { DEFAULT_ARM, PRUNING_MODES } from './types';
export { armName, compareArms, criterionWithArm, isDefaultArm } from './pruning-arm';
export { groupKey } from './aggregate';
export type {
  BoundLabel,
  MethodCertificate,
  CertifiedGain,
  UnconstrainedBest,
  BoundCheck,
  RegretBoundRow,
  MonotonicityTrace,
  MonotonicitySummary,
} from './analysis-types';
export { VACUOUS_TV, certificateEpsilon } from './certificates';
export { NEAR_ZERO_CERTIFIED_ROBUSTNESS } from './certified-gain';
export { NEAR_ZERO_RETURN_FRACTION } from './normalise';
export { MAX_TRACE_POINTS } from './monotonicity';
export { paperTermsSection } from './report-paper-terms';
export type { Stat } from './stats';
export { stat } from './stats';
export { DEFAULT_OPTIONS } from './validate';
export { analyse } from './analyse';
export { normalise } from './normalise';
export type { SweetSpotCandidate, SweetSpotInput } from './sweet-spot';
export { findSweetSpot, robustnessGainPercent } from './sweet-spot';
export { seedSweetSpots } from './seed-sweet-spots';
export type { RegretTerms } from './regret';
export { regretTerms } from './regret';
export type { Spearman } from './correlation';
export { averageRanks, spearman, BOUND_NAMES, MIN_CORRELATION_POINTS } from './correlation';
export { CERTIFIED_GAIN_METHOD } from './certified-correlation';
export type { PlotPoint, PlotSeries, PlotHighlight, PlotBand, ReferenceLine, LinePlotSpec } from './svg/line-plot';
export { linePlot } from './svg/line-plot';
export type { ReportMeta } from './report-html';
export type { Provenance, PartialState, StageCounts } from './report-provenance';
export type { CompareEntry } from './report-compare';
export { compareOverlayId, compareOverlays, renderComparePage } from './report-compare';
export { renderReportHtml } from './report-html';
export { toCsv, CSV_COLUMNS } from './export-csv';
export { toJsonl } from './export-jsonl';
export type { ReportSummary } from './summary';
export { summarise } from './summary';
export type { WrittenReport } from './write-report';
export { writeReport, writePendingReport, writeFileAtomic, REPORT_FILES } from './write-report';
export type { StandaloneFigure } from './write-figures';
export { writeFigureFiles, writeReportFigures, FIGURES_DIR } from './write-figures';
export { formatNumber } from './format';
export type { EnvFacts, LocationOptions, LocationSource, LocationProperty, LocationRow, LocationCorrelation, SeedLocation, SweetSpotLocation } from './sweet-spot-location';
export type { LocationVariance, LocationVerdict } from './location-variance';
export { SEED_NOISE_DOMINATES } from './location-variance';
export { sweetSpotLocation, leastSquaresSlope, DEFAULT_LOCATION_OPTIONS, LOCATION_PROPERTIES, ALL_SCOPE, TOO_FEW_GROUPS } from './sweet-spot-location';
export { locationCsv, locationSummaryJson, LOCATION_CSV_COLUMNS, LOCATION_FILES } from './export-location';
export { locationFigures } from './location-figures';
