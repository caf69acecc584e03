#@ ij.ImagePlus imp
#@ Integer (label = "Bins (0 = automatic)", value = 0, min = 0) bins
#@output Double mean
#@output Double median
#@output Double variance
#@output Double standarddev
#@output Double skewness
#@output Double kurtosis
#@output Double minimum
#@output Double maximum

// ImageArray: exact statistics of an image (of its area selection, on every slice), headless or in Fiji.
import io.github.imagearray.bridge.Selection
import io.github.imagearray.stats.StatisticsCalculator

def calculator = new StatisticsCalculator()
if (bins > 0) calculator = calculator.bins(bins)
def s = Selection.of(imp).statistics(calculator)
mean = s.mean()
median = s.median()
variance = s.variance()
standarddev = s.standardDeviation()
skewness = s.skewness()
kurtosis = s.kurtosis()
minimum = s.minimum()
maximum = s.maximum()
println "${imp.title}: ${s.describe()}"
