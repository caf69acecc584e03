package io.github.imagearray.commands;

import org.scijava.plugin.Plugin;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;

/** Groovy for SciJava's ScriptService in tests (Fiji brings its own). */
@Plugin(type = ScriptLanguage.class, name = "Groovy")
public class TestGroovyLanguage extends AdaptedScriptLanguage {

	public TestGroovyLanguage() {
		super("groovy");
	}
}
