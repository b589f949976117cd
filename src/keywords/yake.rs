//! YAKE! keyword scoring, implemented from the paper:
//! R. Campos, V. Mangaravite, A. Pasquali, A. Jorge, C. Nunes, A. Jatowt, "YAKE! Keyword extraction from single
//! documents using multiple local features", Information Sciences 509 (2020) 257–289.
//!
//! Per term `t` (a normalized word), five features:
//! - casing `T_case = max(TF_U, TF_A) / (1 + ln TF)`: occurrences starting with a capital letter away from the
//!   start of a sentence (`TF_U`) or written all in capitals (`TF_A`);
//! - position `T_pos = ln(ln(3 + median(sentence indexes)))`;
//! - frequency `T_fnorm = TF / (mean + σ)`, mean and standard deviation of TF over non-stopword terms;
//! - relatedness `T_rel = 1 + (DL + DR) · TF / maxTF`, with `DL` (`DR`) the number of distinct terms seen
//!   immediately to the left (right) divided by the number of such co-occurrences;
//! - spread `T_sent = SF / #sentences`.
//!
//! `S(t) = T_rel·T_pos / (T_case + T_fnorm/T_rel + T_sent/T_rel)`, and a candidate `kw` of terms `t1..tn` scores
//! `S(kw) = Π S(t) / (TF(kw) · (1 + Σ S(t)))`, lower is better. A stopword inside a candidate contributes through
//! the probability of the bigrams around it, as in the paper: factor `1 + (1 − P)` and term `−(1 − P)`, with
//! `P = P(t|prev) · P(next|t)`.

use super::HashMap;

/// The pairs of terms seen side by side (left, right) and how often.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bigrams(HashMap<u64, u32>);

impl Bigrams {
    /// Counts `pairs` (left term, right term), and records in `terms` how many distinct terms each has on either
    /// side and how many neighbours in all.
    pub fn count(pairs: Vec<(u32, u32)>, terms: &mut [TermStats]) -> Bigrams {
        let mut counted: HashMap<u64, u32> = HashMap::with_capacity_and_hasher(
            super::distinct_estimate(pairs.len()),
            Default::default(),
        );
        for (a, b) in pairs {
            let n = counted.entry(Self::key(a, b)).or_insert(0);
            if *n == 0 {
                terms[a as usize].right.distinct += 1;
                terms[b as usize].left.distinct += 1;
            }
            *n += 1;
            terms[a as usize].right.total += 1;
            terms[b as usize].left.total += 1;
        }
        Bigrams(counted)
    }

    fn key(left: u32, right: u32) -> u64 {
        (u64::from(left) << 32) | u64::from(right)
    }

    /// How often `right` follows `left`.
    pub fn get(&self, left: usize, right: usize) -> u32 {
        self.0
            .get(&Self::key(left as u32, right as u32))
            .copied()
            .unwrap_or(0)
    }
}

/// The neighbours of a term on one side: how many distinct terms, and how many occurrences in all.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Neighbours {
    pub distinct: u32,
    pub total: u32,
}

/// Features and score of one term.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermStats {
    pub tf: f64,
    pub tf_upper: f64,
    pub tf_acronym: f64,
    pub left: Neighbours,
    pub right: Neighbours,
    pub stopword: bool,
    pub score: f64,
}

/// Compute `S(t)` for every term. `sentences` holds the sentence index of every occurrence, term by term (those of
/// term `i` at `sentences[starts[i]..starts[i + 1]]`, in text order); `sentence_count` is the number of sentences of
/// the document.
pub(crate) fn score_terms(
    terms: &mut [TermStats],
    sentences: &mut [usize],
    starts: &[usize],
    sentence_count: usize,
) {
    let valid: Vec<f64> = terms.iter().filter(|t| !t.stopword).map(|t| t.tf).collect();
    let n = valid.len().max(1) as f64;
    let mean = valid.iter().sum::<f64>() / n;
    let std = (valid.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
    let max_tf = terms.iter().map(|t| t.tf).fold(1.0, f64::max);
    let sentence_total = sentence_count.max(1) as f64;
    let logs = Logs::get();
    for (i, t) in terms.iter_mut().enumerate() {
        let tf = t.tf.max(1.0);
        let case = t.tf_upper.max(t.tf_acronym) / (1.0 + logs.ln(tf));
        // Sentence indexes arrive in text order, so they are sorted already (sorted here otherwise).
        let idx = &mut sentences[starts[i]..starts[i + 1]];
        if !idx.is_sorted() {
            idx.sort_unstable();
        }
        let idx = &*idx;
        let median = median(idx);
        let pos = logs.position(median);
        let fnorm = tf / (mean + std).max(f64::EPSILON);
        let ratio = |side: &Neighbours| -> f64 {
            if side.total == 0 {
                0.0
            } else {
                f64::from(side.distinct) / f64::from(side.total)
            }
        };
        let rel = 1.0 + (ratio(&t.left) + ratio(&t.right)) * tf / max_tf;
        let distinct = 1 + idx.windows(2).filter(|w| w[0] != w[1]).count();
        let spread = if idx.is_empty() {
            0.0
        } else {
            distinct as f64 / sentence_total
        };
        t.score = (rel * pos) / (case + fnorm / rel + spread / rel);
    }
}

/// The logarithms a term's score takes, for the small counts and sentence numbers most terms have: computed once
/// rather than three for every term of every document.
struct Logs {
    /// `ln(n)` for counts `n`.
    ln: [f64; 256],
    /// `ln(ln(3 + m))` for medians `m = k / 2` (a median of sentence numbers is a whole or a half number).
    position: [f64; 1024],
}

impl Logs {
    fn get() -> &'static Logs {
        static LOGS: std::sync::OnceLock<Logs> = std::sync::OnceLock::new();
        LOGS.get_or_init(|| Logs {
            ln: std::array::from_fn(|n| (n as f64).ln()),
            position: std::array::from_fn(|k| (3.0 + k as f64 / 2.0).ln().ln()),
        })
    }

    /// `ln(x)`.
    fn ln(&self, x: f64) -> f64 {
        match self.ln.get(x as usize) {
            Some(&l) if x.fract() == 0.0 => l,
            _ => x.ln(),
        }
    }

    /// `ln(ln(3 + median))`.
    fn position(&self, median: f64) -> f64 {
        let k = median * 2.0;
        match self.position.get(k as usize) {
            Some(&l) if k.fract() == 0.0 => l,
            _ => (3.0 + median).ln().ln(),
        }
    }
}

fn median(sorted: &[usize]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2] as f64,
        n => (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0,
    }
}

/// Score of a candidate made of `terms` (term ids, in order) that occurs `tf` times.
pub(crate) fn score_candidate(
    terms: &[u32],
    stats: &[TermStats],
    bigrams: &Bigrams,
    tf: usize,
) -> f64 {
    let mut prod = 1.0f64;
    let mut sum = 0.0f64;
    for (i, &id) in terms.iter().enumerate() {
        let id = id as usize;
        let t = &stats[id];
        if t.stopword {
            // Bigram probabilities around the stopword.
            let (Some(&prev), Some(&next)) = (
                i.checked_sub(1).and_then(|j| terms.get(j)),
                terms.get(i + 1),
            ) else {
                continue;
            };
            let p_prev =
                f64::from(bigrams.get(prev as usize, id)) / stats[prev as usize].tf.max(1.0);
            let p_next = f64::from(bigrams.get(id, next as usize)) / t.tf.max(1.0);
            let p = p_prev * p_next;
            prod *= 1.0 + (1.0 - p);
            sum -= 1.0 - p;
        } else {
            prod *= t.score;
            sum += t.score;
        }
    }
    prod / (tf as f64 * (1.0 + sum).max(f64::EPSILON))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logarithm_tables_give_the_computed_values() {
        let logs = Logs::get();
        for n in [1.0, 2.0, 3.0, 17.0, 255.0, 256.0, 1000.0, 2.5] {
            assert_eq!(logs.ln(n).to_bits(), f64::ln(n).to_bits(), "{n}");
        }
        for m in [0.0f64, 0.5, 1.0, 7.5, 511.5, 512.0, 4000.0, 0.25] {
            let direct = (3.0 + m).ln().ln();
            assert_eq!(logs.position(m).to_bits(), direct.to_bits(), "{m}");
        }
    }
}
