package dev.cnnbuild.maven;

import dev.cnnbuild.core.metrics.FigureText;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelPackager;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenMultiPageReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Puts the trained models in the project's site, as JaCoCo's {@code report} goal does for coverage: a page
 * {@code cnn/index.html} with one row per model directory under {@code modelsDirectory} (its test accuracy and loss
 * as training measured them, its parameters, device and epochs) that links to the model's own {@code report.html},
 * copied beside it to {@code cnn/<name>/report.html} (the report {@code cnn:check} rewrites with the gate's
 * outcomes when it ran first). A project without trained models gets no page. Run on its own, {@code mvn cnn:report}
 * writes the same page as plain HTML to {@code target/site/cnn/index.html}. The goal implements the reporting
 * interface itself rather than extend Maven's report base class, whose site-rendering dependencies would otherwise
 * load with every {@code cnn} goal. The POM's {@code <reporting>} section that adds it: docs/report.md, "In the
 * Maven site".
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractCnnMojo implements MavenMultiPageReport {
    /** The site folder of the page and the copied reports. */
    static final String FOLDER = "cnn";

    /** Where the model directories are: {@code <modelsDirectory>/<name>/}; the other goals' {@code outputDirectory}. */
    @Parameter(property = "cnn.outputDirectory", defaultValue = "${project.build.directory}/cnn")
    private File modelsDirectory;

    /** The project's directory, from which the page names the models' folder. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File projectDirectory;

    /** Where {@code mvn cnn:report} on its own writes the page; {@code mvn site} sets the site's directory instead. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File siteDirectory;

    private File reportOutputDirectory;

    /**
     * {@code mvn cnn:report} on its own: writes the page as plain HTML to {@code target/site/cnn/index.html}, with the
     * copied reports beside it ({@code mvn site} renders the same page in the site's skin instead).
     */
    @Override
    protected void executeMojo() throws MojoExecutionException {
        try {
            if (!canGenerateReport()) {
                return;
            }
            Path page = getReportOutputDirectory().toPath().resolve(getOutputName() + ".html");
            Files.createDirectories(page.getParent());
            try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
                generate(PlainHtmlSink.writingTo(out), Locale.getDefault());
            }
            getLog().info("Wrote " + page + " (mvn site puts the same page in the project's site)");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the cnn report: " + e.getMessage(), e);
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    @Override
    public String getOutputName() {
        return FOLDER + "/index";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "CNN models";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The trained models' test figures and their reports.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : siteDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() throws MavenReportException {
        if (isSkipped()) {
            getLog().info("Skipping cnn report because property cnn.skip is set.");
            return false;
        }
        if (models().isEmpty()) {
            getLog().info("No trained model under " + modelsDirectory + "; no cnn report (run cnn:train first).");
            return false;
        }
        return true;
    }

    @Override
    public void generate(Sink sink, SinkFactory sinkFactory, Locale locale) throws MavenReportException {
        generate(sink, locale);
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        List<ModelDirectory> models = models();
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(getName(locale));
        sink.sectionTitle1_();
        sink.paragraph();
        sink.text("Each model directory under " + projectDirectory.toPath().relativize(modelsDirectory.toPath())
                + ", with the figures its training measured on its test set; its report shows them in full, with the"
                + " quality gate's outcomes when cnn:check ran before the site.");
        sink.paragraph_();
        sink.table();
        sink.tableRows();
        row(sink, true, "model", "test accuracy", "test loss", "parameters", "trained on", "epochs", "report");
        for (ModelDirectory model : models) {
            ModelMetrics metrics = metrics(model);
            boolean hasReport = copyReport(model);
            sink.tableRow();
            cell(sink, metrics.name());
            cell(sink, FigureText.value(metrics.test().accuracy()));
            cell(sink, FigureText.value(metrics.test().loss()));
            cell(sink, FigureText.count(metrics.parameterCount()));
            cell(sink, metrics.device());
            cell(sink, Integer.toString(metrics.history().size()));
            sink.tableCell();
            if (hasReport) {
                sink.link(model.root().getFileName() + "/" + ModelDirectory.REPORT);
                sink.text(ModelDirectory.REPORT);
                sink.link_();
            } else {
                sink.text("none");
            }
            sink.tableCell_();
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private List<ModelDirectory> models() throws MavenReportException {
        try {
            return ModelPackager.completeModels(modelsDirectory.toPath());
        } catch (IOException e) {
            throw new MavenReportException(
                    "Cannot list the models under " + modelsDirectory + ": " + e.getMessage(), e);
        }
    }

    private static ModelMetrics metrics(ModelDirectory model) throws MavenReportException {
        try {
            return ModelMetrics.read(model.metrics());
        } catch (IOException e) {
            throw new MavenReportException("Cannot read " + model.metrics() + ": " + e.getMessage(), e);
        }
    }

    private boolean copyReport(ModelDirectory model) throws MavenReportException {
        if (!Files.isRegularFile(model.report())) {
            return false;
        }
        Path target = getReportOutputDirectory()
                .toPath()
                .resolve(FOLDER)
                .resolve(model.root().getFileName())
                .resolve(ModelDirectory.REPORT);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(model.report(), target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new MavenReportException("Cannot copy " + model.report() + " to the site: " + e.getMessage(), e);
        }
    }

    private static void row(Sink sink, boolean header, String... cells) {
        sink.tableRow();
        for (String text : cells) {
            if (header) {
                sink.tableHeaderCell();
                sink.text(text);
                sink.tableHeaderCell_();
            } else {
                cell(sink, text);
            }
        }
        sink.tableRow_();
    }

    private static void cell(Sink sink, String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }
}
