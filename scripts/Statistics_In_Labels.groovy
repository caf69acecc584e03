#@ ij.ImagePlus image
#@ ij.ImagePlus labels
#@output java.util.SortedMap perLabel

// ImageArray: exact statistics of every label (0 is background) of a label image of the same size.
import io.github.imagearray.bridge.ImagePlusImgs
import io.github.imagearray.stats.LabelStatistics
import io.github.imagearray.stats.StatisticsCalculator

perLabel = LabelStatistics.compute(ImagePlusImgs.wrap(image), ImagePlusImgs.wrap(labels), new StatisticsCalculator())
perLabel.each { label, s -> println "label ${label}: count ${s.count()}, ${s.describe()}" }
