// The content model: what a question file becomes once parsed.

export const DEPTHS = ['super-brief', 'brief', 'detailed'] as const;
export type Depth = (typeof DEPTHS)[number];

export const LEVELS = ['junior', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export const QUIZ_TYPES = ['single', 'multi', 'true-false'] as const;
export type QuizType = (typeof QUIZ_TYPES)[number];

export interface QuizOption {
  text: string;
  correct: boolean;
}

export interface QuizItem {
  /** Id within the question, e.g. `names`. */
  id: string;
  /** Progress key: `<question-id>/<item-id>`. */
  key: string;
  type: QuizType;
  prompt: string;
  options: QuizOption[];
  explanation: string;
  line: number;
}

export interface Flashcard {
  id: string;
  key: string;
  front: string;
  back: string;
  keyPoints: string[];
  line: number;
}

/** What a question file's YAML front matter holds, once checked. */
export interface FrontMatter {
  id: string;
  deck: string;
  title: string;
  level: Level;
  tags: string[];
  order?: number;
  related: string[];
  source?: string;
  /** The question card's key points, when the answer's own list items are not the right ones. */
  'key-points'?: string[];
  /** Flags of a `prepdeck simulate` run that shows this answer's point; offered by `read`. */
  simulate?: string;
}

export interface Question extends FrontMatter {
  /** The file it came from, and the lines of things later checks point at. */
  file: string;
  lines: { id: number; related: number };
  prompt: string;
  answers: Record<Depth, string>;
  tips?: string;
  quiz: QuizItem[];
  cards: Flashcard[];
}
