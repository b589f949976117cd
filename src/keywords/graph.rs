//! PositionRank, implemented from the paper: C. Florescu, C. Caragea, "PositionRank: An Unsupervised Approach to
//! Keyphrase Extraction from Scholarly Documents", ACL 2017, 1105–1115.
//!
//! Words (here: terms, the grouping keys of content words) are the vertices of a graph whose edges join words that
//! occur within `window` positions of each other in the sequence of content words, weighted by how often they do.
//! Each word's score is its PageRank biased towards early words: the random surfer jumps to word `v` with
//! probability proportional to `Σ 1/p` over the positions `p` (from 1) of its occurrences,
//! `S(v) = (1 − α)·p̃(v) + α·Σ_{u→v} w(u,v)/O(u)·S(u)`, `α = 0.85`, iterated until the scores change by less than
//! `10⁻⁴` in total (at most 100 rounds). A phrase scores the sum of its words' scores.

/// Total change of the scores (which sum to 1) below which the iteration stops: below what changes a ranking (from
/// 10⁻⁵, it swapped two neighbours in one top 10 of the 4,301 of the keyphrase benchmark, and saved up to 6 % of
/// the time).
const TOLERANCE: f64 = 1e-4;

/// Word scores for a document whose content words are `sequence` (term ids in text order), over `terms` terms.
pub(crate) fn position_rank(sequence: &[usize], terms: usize, window: usize) -> Vec<f64> {
    // The vertices are the terms of the sequence alone (the others, stopwords, score 0 and take no part), numbered
    // in the order of their term ids, so that every sum runs in the same order as over all the terms.
    let mut present = vec![false; terms];
    for &t in sequence {
        present[t] = true;
    }
    let words: Vec<usize> = (0..terms).filter(|&t| present[t]).collect();
    let mut vertex = vec![0usize; terms];
    for (v, &t) in words.iter().enumerate() {
        vertex[t] = v;
    }
    let sequence: Vec<usize> = sequence.iter().map(|&t| vertex[t]).collect();
    let mut scores = vec![0.0; terms];
    for (&t, s) in words.iter().zip(rank(&sequence, words.len(), window)) {
        scores[t] = s;
    }
    scores
}

/// [`position_rank`] over `terms` vertices, every one of which occurs in `sequence`.
fn rank(sequence: &[usize], terms: usize, window: usize) -> Vec<f64> {
    const ALPHA: f64 = 0.85;
    let mut scores = vec![0.0; terms];
    if sequence.is_empty() {
        return scores;
    }
    let mut bias = vec![0.0; terms];
    for (i, &t) in sequence.iter().enumerate() {
        bias[t] += 1.0 / (i + 1) as f64;
    }
    let total: f64 = bias.iter().sum();
    for b in &mut bias {
        *b /= total;
    }
    // Each word's neighbours with the number of times each is seen within the window (the edge weight), in order
    // of first co-occurrence: every co-occurrence is listed under both words (compressed rows), then each word's
    // list is folded into its distinct neighbours.
    let mut start = vec![0usize; terms + 1];
    let pairs = || {
        sequence.iter().enumerate().flat_map(move |(i, &a)| {
            sequence[i + 1..]
                .iter()
                .take(window.saturating_sub(1))
                .filter(move |&&b| b != a)
                .map(move |&b| (a, b))
        })
    };
    for (a, b) in pairs() {
        start[a + 1] += 1;
        start[b + 1] += 1;
    }
    for v in 0..terms {
        start[v + 1] += start[v];
    }
    let mut listed = vec![0u32; start[terms]];
    let mut fill = start.clone();
    for (a, b) in pairs() {
        listed[fill[a]] = b as u32;
        fill[a] += 1;
        listed[fill[b]] = a as u32;
        fill[b] += 1;
    }
    // The out weight of a word is the number of its co-occurrences.
    let out_weight: Vec<f64> = (0..terms)
        .map(|v| (start[v + 1] - start[v]) as f64)
        .collect();
    // Folded in place: `at[u]` is where `u` sits in the list of the word being folded, if it does.
    let mut at = vec![usize::MAX; terms];
    let mut weight = vec![0u32; listed.len()];
    let mut distinct_start = vec![0usize; terms + 1];
    let mut end = 0;
    for v in 0..terms {
        let first = end;
        for k in start[v]..start[v + 1] {
            let u = listed[k] as usize;
            if at[u] < first || at[u] >= end {
                at[u] = end;
                listed[end] = u as u32;
                weight[end] = 1;
                end += 1;
            } else {
                weight[at[u]] += 1;
            }
        }
        distinct_start[v + 1] = end;
    }
    let start = distinct_start;
    // The edges into each word, each with the share of its source's score it carries: `w(u,v)/O(u)`. Each round
    // pulls a word's new score from them. Sources and shares in two arrays: 12 bytes an edge, not 16 with padding.
    let sources = &listed[..end];
    let shares: Vec<f64> = sources
        .iter()
        .zip(&weight)
        .map(|(&u, &w)| f64::from(w) / out_weight[u as usize])
        .collect();
    scores.clone_from(&bias);
    let mut next = vec![0.0; terms];
    let isolated: Vec<usize> = (0..terms).filter(|&v| out_weight[v] == 0.0).collect();
    for _ in 0..100 {
        // Words without edges hand their score back through the bias, so that scores keep summing to 1.
        let dangling: f64 = isolated.iter().map(|&v| scores[v]).sum();
        let base = 1.0 - ALPHA + ALPHA * dangling;
        let mut change = 0.0;
        for (v, (n, (b, old))) in next.iter_mut().zip(bias.iter().zip(&scores)).enumerate() {
            // Four running sums, so that each addition need not wait for the one before.
            let edges = start[v]..start[v + 1];
            let (from, share) = (&sources[edges.clone()], &shares[edges]);
            let mut sums = [0.0f64; 4];
            let mut quads = from.chunks_exact(4).zip(share.chunks_exact(4));
            for (us, ws) in &mut quads {
                for ((sum, &u), &w) in sums.iter_mut().zip(us).zip(ws) {
                    *sum += scores[u as usize] * w;
                }
            }
            let rest = from.len() - from.len() % 4;
            for ((sum, &u), &w) in sums.iter_mut().zip(&from[rest..]).zip(&share[rest..]) {
                *sum += scores[u as usize] * w;
            }
            let pulled = (sums[0] + sums[1]) + (sums[2] + sums[3]);
            *n = base * b + ALPHA * pulled;
            change += (*n - old).abs();
        }
        std::mem::swap(&mut scores, &mut next);
        if change < TOLERANCE {
            break;
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_sum_to_one_and_favour_connected_early_words() {
        // 0 is early and linked to everything; 3 appears once, late, linked to one word.
        let seq = [0, 1, 0, 2, 0, 1, 2, 3];
        let s = position_rank(&seq, 4, 3);
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-6, "{s:?}");
        assert!(s[0] > s[3] && s[1] > s[3] && s[2] > s[3], "{s:?}");
        // In a symmetric graph, the word seen first scores higher.
        let s = position_rank(&[0, 1, 0, 1], 2, 2);
        assert!(s[0] > s[1], "{s:?}");
        assert_eq!(position_rank(&[], 2, 3), vec![0.0, 0.0]);
        let single = position_rank(&[1], 2, 3);
        assert!((single[1] - 1.0).abs() < 1e-9);
    }

    /// The paper's formula over a dense weight matrix, iterated the same way.
    fn dense_position_rank(sequence: &[usize], terms: usize, window: usize) -> Vec<f64> {
        let mut w = vec![vec![0.0f64; terms]; terms];
        for (i, &a) in sequence.iter().enumerate() {
            for &b in sequence.iter().skip(i + 1).take(window - 1) {
                if a != b {
                    w[a][b] += 1.0;
                    w[b][a] += 1.0;
                }
            }
        }
        let out: Vec<f64> = w.iter().map(|row| row.iter().sum()).collect();
        let mut bias = vec![0.0; terms];
        for (i, &t) in sequence.iter().enumerate() {
            bias[t] += 1.0 / (i + 1) as f64;
        }
        let total: f64 = bias.iter().sum();
        bias.iter_mut().for_each(|b| *b /= total);
        let mut s = bias.clone();
        for _ in 0..100 {
            let dangling: f64 = (0..terms).filter(|&v| out[v] == 0.0).map(|v| s[v]).sum();
            let next: Vec<f64> = (0..terms)
                .map(|v| {
                    let pulled: f64 = (0..terms)
                        .filter(|&u| w[u][v] > 0.0)
                        .map(|u| w[u][v] / out[u] * s[u])
                        .sum();
                    (0.15 + 0.85 * dangling) * bias[v] + 0.85 * pulled
                })
                .collect();
            let change: f64 = next.iter().zip(&s).map(|(a, b)| (a - b).abs()).sum();
            s = next;
            if change < TOLERANCE {
                break;
            }
        }
        s
    }

    #[test]
    fn matches_the_formula_over_a_dense_matrix() {
        // Sequences with repeats, neighbours that repeat within the window, and isolated words.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for (len, terms) in [(5, 4), (40, 9), (300, 60), (1000, 25)] {
            let seq: Vec<usize> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % (terms as u64 - 1)) as usize
                })
                .collect();
            let fast = position_rank(&seq, terms, 6);
            let dense = dense_position_rank(&seq, terms, 6);
            for (a, b) in fast.iter().zip(&dense) {
                assert!((a - b).abs() < 1e-12, "{len} words: {a} against {b}");
            }
            // The last term never occurs: no score.
            assert_eq!(fast[terms - 1], 0.0);
        }
    }
}
