// mvn site puts a page of the trained models in the site, linking each model's report, copied beside it.
def page = new File(basedir, 'target/site/cnn/index.html')
assert page.isFile() : 'no cnn/index.html in the site'
def html = page.getText('UTF-8')
assert html.contains('CNN models')
assert html =~ /<td>tiny<\/td>\s*<td>\d\.\d{4}<\/td>\s*<td>\d\.\d{4}<\/td>\s*<td>[\d,]+<\/td>\s*<td>cpu\(\)<\/td>\s*<td>3<\/td>/
assert html.contains('href="tiny/report.html"')
def report = new File(basedir, 'target/site/cnn/tiny/report.html')
assert report.isFile()
assert report.getText('UTF-8').contains('expected minimum is 0.9')
// the site's menu lists the report among the project reports
assert new File(basedir, 'target/site/project-reports.html').getText('UTF-8').contains('cnn/index.html')
