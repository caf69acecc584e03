#@ File (label = "Folder of images", style = "directory") folder
#@ File (label = "CSV to write", style = "save") output
#@output Integer images

// ImageArray: vIQA's statistics of every image (.tif, .tiff, .mhd, .mha) in a folder, one row per
// file with its name, written as one CSV (atomically: whole or not at all).
import io.github.imagearray.AtomicFiles
import io.github.imagearray.StatisticsCsv
import io.github.imagearray.io.ImageFiles
import io.github.imagearray.stats.StatisticsCalculator

def quote = { String s -> s.contains(',') || s.contains('"') ? '"' + s.replace('"', '""') + '"' : s }
def files = folder.listFiles().findAll { it.isFile() && it.name.toLowerCase() ==~ /.*\.(tiff?|mhd|mha)/ }.sort { it.name }
def text = new StringBuilder("file," + StatisticsCsv.HEADER + "\n")
def calculator = new StatisticsCalculator()
files.each { f ->
	def s = calculator.compute(ImageFiles.open(f.toPath()))
	text << quote(f.name) << "," << StatisticsCsv.row(s.describe()) << "\n"
}
AtomicFiles.write(output.toPath(), text.toString())
images = files.size()
println "ImageArray: ${images} images described in ${output}"
