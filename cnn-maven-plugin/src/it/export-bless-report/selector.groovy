// Runs where /usr/bin/python3 has torch (CI installs python3-torch: .ci/run); skipped elsewhere.
def probe = ['/usr/bin/python3', '-c', 'import torch, numpy, PIL'].execute()
probe.waitFor()
return probe.exitValue() == 0
