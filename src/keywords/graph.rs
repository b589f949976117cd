//! PositionRank, implemented from the paper: C. Florescu, C. Caragea, "PositionRank: An Unsupervised Approach to
//! Keyphrase Extraction from Scholarly Documents", ACL 2017, 1105–1115.
//!
//! Words (here: terms, the grouping keys of content words) are the vertices of a graph whose edges join words that
//! occur within `window` positions of each other in the sequence of content words, weighted by how often they do.
//! Each word's score is its PageRank biased towards early words: the random surfer jumps to word `v` with
//! probability proportional to `Σ 1/p` over the positions `p` (from 1) of its occurrences,
//! `S(v) = (1 − α)·p̃(v) + α·Σ_{u→v} w(u,v)/O(u)·S(u)`, `α = 0.85`, iterated until the scores change by less than
//! `10⁻⁵` in total (at most 100 rounds). A phrase scores the sum of its words' scores.

use super::HashMap;

/// Total change of the scores (which sum to 1) below which the iteration stops: far below what changes a ranking.
const TOLERANCE: f64 = 1e-5;

/// Word scores for a document whose content words are `sequence` (term ids in text order), over `terms` terms.
pub(crate) fn position_rank(sequence: &[usize], terms: usize, window: usize) -> Vec<f64> {
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
    let mut weights: HashMap<(usize, usize), f64> = HashMap::default();
    for (i, &a) in sequence.iter().enumerate() {
        for &b in sequence.iter().skip(i + 1).take(window.saturating_sub(1)) {
            if a != b {
                *weights.entry((a.min(b), a.max(b))).or_insert(0.0) += 1.0;
            }
        }
    }
    let mut edges: Vec<Vec<(usize, f64)>> = vec![Vec::new(); terms];
    let mut out_weight = vec![0.0; terms];
    for (&(a, b), &w) in &weights {
        edges[a].push((b, w));
        edges[b].push((a, w));
        out_weight[a] += w;
        out_weight[b] += w;
    }
    scores.clone_from(&bias);
    let mut next = vec![0.0; terms];
    let isolated: Vec<usize> = (0..terms).filter(|&v| out_weight[v] == 0.0).collect();
    for _ in 0..100 {
        // Words without edges hand their score back through the bias, so that scores keep summing to 1.
        let dangling: f64 = isolated.iter().map(|&v| scores[v]).sum();
        for v in 0..terms {
            next[v] = (1.0 - ALPHA + ALPHA * dangling) * bias[v];
        }
        for u in 0..terms {
            if out_weight[u] > 0.0 {
                let share = ALPHA * scores[u] / out_weight[u];
                for &(v, w) in &edges[u] {
                    next[v] += share * w;
                }
            }
        }
        let change: f64 = scores.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
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
}
