/**
 * `npm run corpus`: the parser on the corpus of real decisions (test/corpus/), per field, and every
 * miss. The thresholds the tests hold it to are in test/corpus/corpus.test.ts.
 */
import { formatScore, scoreCorpus } from '../test/corpus/score';

console.log(formatScore(scoreCorpus()));
