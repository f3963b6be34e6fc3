// The invoker's copy of the project may lose the wrapper's executable bit.
assert new File(basedir, 'record-environment.sh').setExecutable(true)
