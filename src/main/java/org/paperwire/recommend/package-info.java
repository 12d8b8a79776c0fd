/**
 * Recommendations ("Recommended for you", issue 10): a linear model per reader collection over what Paperwire has
 * for every paper, its embedding and its tf-idf terms ({@link org.paperwire.recommend.ReaderModels} trains,
 * {@link org.paperwire.recommend.ReaderModel} scores and explains). Author names are never among the features.
 */
package org.paperwire.recommend;
