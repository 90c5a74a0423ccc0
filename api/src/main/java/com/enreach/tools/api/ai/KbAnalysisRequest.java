package com.enreach.tools.api.ai;

/**
 * @param staleMonths         an article not updated for this many months while related tickets keep coming is outdated
 *                            (0 = the default, 12)
 * @param duplicateSimilarity cosine similarity from which two articles are near-duplicates (0 = the default, 0.9)
 * @param draft               draft an article for each gap with a generating provider (ignored for the offline one)
 * @param provider            provider for drafts, or null for the default
 */
public record KbAnalysisRequest(int staleMonths, double duplicateSimilarity, boolean draft, String provider) {
}
