/**
 * scikit-learn's `classification_report`: the text table (byte for byte), the dictionary
 * (`outputDict`), and rnnlab's rich table (`asTable`) that a notebook shows as HTML.
 */
import { escapeHtml } from '../display';
import { MIME_BUNDLE, type HasMimeBundle, type MimeBundle } from '../frontend';
import { checkClassificationTargets, type Label, type LabelInput, labelKey, sortedLabels } from './inputs';
import { precisionRecallFscoreSupport, type ZeroDivision } from './classification';
import { pythonFixed } from './format';
import { InvalidArgumentError } from '../errors';

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /** The labels to report, in this order (default: every label, sorted). */
  labels?: readonly Label[];
  /** Display names of the labels. */
  targetNames?: readonly string[];
  /** Decimals of the text table. Default 2. */
  digits?: number;
  /** Return scikit-learn's dictionary instead of the text. */
  outputDict?: boolean;
  /** rnnlab: return a {@link ClassificationReportTable} (HTML in a notebook, the text elsewhere). */
  asTable?: boolean;
  zeroDivision?: ZeroDivision;
}

/** One row of the report. */
export interface ReportRow {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}
/** scikit-learn's `output_dict`: a row per label, `accuracy` (a number) or `micro avg`, `macro avg`, `weighted avg`. */
export type ReportDict = Record<string, ReportRow | number>;

/** The report as a cell result: an HTML table in notebooks, scikit-learn's text in `text/plain`. */
export class ClassificationReportTable implements HasMimeBundle {
  constructor(
    /** scikit-learn's text. */
    readonly text: string,
    /** scikit-learn's dictionary. */
    readonly dict: ReportDict,
    private readonly digits: number,
  ) {}

  toString(): string {
    return this.text;
  }

  [MIME_BUNDLE](): MimeBundle {
    const cellStyle = 'padding:2px 10px;text-align:right;border-bottom:1px solid rgba(127,127,127,0.25)';
    const head = ['', 'precision', 'recall', 'f1-score', 'support'].map((h) => `<th style="${cellStyle}">${h}</th>`).join('');
    const body = Object.entries(this.dict)
      .map(([name, row]) => {
        const cells = typeof row === 'number'
          ? ['', '', pythonFixed(row, this.digits), String(supportTotal(this.dict))]
          : [pythonFixed(row.precision, this.digits), pythonFixed(row.recall, this.digits), pythonFixed(row['f1-score'], this.digits), String(row.support)];
        return `<tr><th style="${cellStyle}">${escapeHtml(name)}</th>${cells.map((c) => `<td style="${cellStyle}">${c}</td>`).join('')}</tr>`;
      })
      .join('');
    return {
      'text/plain': this.text,
      'text/html': `<table class="rnnlab-classification-report" style="border-collapse:collapse;font-size:13px"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`,
    };
  }
}

function supportTotal(dict: ReportDict): number {
  const avg = dict['macro avg'];
  return typeof avg === 'number' ? 0 : (avg?.support ?? 0);
}

/**
 * Precision, recall, F1 and support per label, with accuracy and the macro and weighted averages —
 * scikit-learn's `classification_report`, the same text for the same inputs.
 *
 * @example
 * ```ts
 * console.log(classificationReport(yTest, yPred));
 * classificationReport(yTest, yPred, { asTable: true });   // as a cell's result: an HTML table
 * ```
 */
export function classificationReport(yTrue: LabelInput, yPred: LabelInput, options?: ClassificationReportOptions & { outputDict?: false; asTable?: false }): string;
export function classificationReport(yTrue: LabelInput, yPred: LabelInput, options: ClassificationReportOptions & { outputDict: true }): ReportDict;
export function classificationReport(yTrue: LabelInput, yPred: LabelInput, options: ClassificationReportOptions & { asTable: true }): ClassificationReportTable;
export function classificationReport(yTrue: LabelInput, yPred: LabelInput, options: ClassificationReportOptions = {}): string | ReportDict | ClassificationReportTable {
  const { t, p } = checkClassificationTargets(yTrue, yPred);
  const present = sortedLabels([...t, ...p]);
  const labels = options.labels ? [...options.labels] : present;
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) throw new InvalidArgumentError('digits', 'must be an integer in [0, 20]', digits);
  const names = options.targetNames ? [...options.targetNames] : labels.map((l) => String(l === true ? 'True' : l === false ? 'False' : l));
  if (names.length !== labels.length) {
    throw new InvalidArgumentError('targetNames', `must name each of the ${labels.length} labels`, options.targetNames);
  }
  const given = new Set(labels.map(labelKey));
  const microIsAccuracy = !options.labels || present.every((l) => given.has(labelKey(l)));
  const zeroDivision = options.zeroDivision;
  const per = precisionRecallFscoreSupport(t, p, { labels, average: null, zeroDivision });
  const support = per.support as number[];
  const dict: ReportDict = {};
  names.forEach((name, i) => {
    dict[name] = { precision: (per.precision as number[])[i], recall: (per.recall as number[])[i], 'f1-score': (per.fScore as number[])[i], support: support[i] };
  });
  const total = support.reduce((s, v) => s + v, 0);
  const averages: ['micro' | 'macro' | 'weighted', string][] = [
    ['micro', microIsAccuracy ? 'accuracy' : 'micro avg'],
    ['macro', 'macro avg'],
    ['weighted', 'weighted avg'],
  ];
  for (const [average, heading] of averages) {
    const a = precisionRecallFscoreSupport(t, p, { labels, average, zeroDivision });
    const row = { precision: a.precision as number, recall: a.recall as number, 'f1-score': a.fScore as number, support: total };
    dict[heading] = heading === 'accuracy' ? row.precision : row;
  }
  if (options.outputDict) return dict;
  const text = reportText(dict, names, digits);
  return options.asTable ? new ClassificationReportTable(text, dict, digits) : text;
}

/** scikit-learn's layout: right-aligned columns nine wide, the name column as wide as the longest name. */
function reportText(dict: ReportDict, names: string[], digits: number): string {
  const width = Math.max(...names.map((n) => n.length), 'weighted avg'.length, digits);
  const right = (s: string, w: number) => s.padStart(w);
  const headers = ['precision', 'recall', 'f1-score', 'support'];
  let out = `${right('', width)} ${headers.map((h) => ` ${right(h, 9)}`).join('')}\n\n`;
  const line = (name: string, r: ReportRow) =>
    `${right(name, width)} ${[r.precision, r.recall, r['f1-score']].map((v) => ` ${right(pythonFixed(v, digits), 9)}`).join('')} ${right(String(r.support), 9)}\n`;
  for (const name of names) out += line(name, dict[name] as ReportRow);
  out += '\n';
  for (const [heading, row] of Object.entries(dict).slice(names.length)) {
    if (typeof row === 'number') {
      const total = (dict['macro avg'] as ReportRow).support;
      out += `${right(heading, width)} ${['', '', pythonFixed(row, digits), String(total)].map((c) => ` ${right(c, 9)}`).join('')}\n`;
    } else {
      out += line(heading, row);
    }
  }
  return out;
}
