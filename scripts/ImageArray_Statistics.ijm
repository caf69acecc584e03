// ImageArray: exact statistics of the current image (of its area selection, on every slice).
// Adds a row to the "ImageArray Statistics" table and prints the vIQA statistics.
requires("1.52a");
if (nImages == 0) exit("ImageArray: open an image first.");
run("ImageArray Statistics...", "bins=0");
table = "ImageArray Statistics";
row = Table.size(table) - 1;
keys = newArray("mean", "median", "variance", "standarddev", "skewness", "kurtosis", "minimum", "maximum");
line = Table.getString("Label", row, table) + ":";
for (i = 0; i < keys.length; i++)
	line = line + " " + keys[i] + "=" + String.format("%.17g", Table.get(keys[i], row, table));
print(line);
