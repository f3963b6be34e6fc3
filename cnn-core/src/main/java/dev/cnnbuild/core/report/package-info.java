/**
 * The model report: one self-contained {@code report.html} per model with its headline figures, the quality
 * gate's outcomes, learning curves, the confusion matrix as a heat map, per-class figures and the misclassified
 * test images. It opens offline: styles, charts (SVG) and images ({@code data:} URIs) are all inline.
 *
 * <pre>{@code
 * try (LoadedModel model = LoadedModel.load(directory, Device.cpu())) {
 *     LabeledImages test = DatasetLoader.load(model.spec().data().test(), model.spec().input(),
 *             model.spec().classes());
 *     Evaluation evaluation = Evaluator.evaluate(model.network(), model.manager(), test, model.spec().classes(), 1000);
 *     List<Prediction> predictions = model.classifier().predictAll(test.images(), 1000);
 *     ReportData data = new ReportData(model.metrics(), TestMetrics.of(evaluation),
 *             Misclassified.collect(test, predictions, 36), gateResult, Instant.now());
 *     HtmlReport.write(data, directory.root().resolve(HtmlReport.FILE_NAME));
 * }
 * }</pre>
 */
package dev.cnnbuild.core.report;
