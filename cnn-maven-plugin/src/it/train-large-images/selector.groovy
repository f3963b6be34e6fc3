// Runs only when asked for: mvn -pl cnn-maven-plugin verify -Dinvoker.test=train-large-images -Dcnn.it.large=true
// (it writes 16,000 images, a 2.4 GB cache, and trains on them: minutes, and disk space most builds need not spend).
return System.getProperty('cnn.it.large') == 'true'
