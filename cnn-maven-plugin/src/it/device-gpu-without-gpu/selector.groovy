// Runs only on a machine without an NVIDIA driver, such as this project's CI machines.
return !new File('/proc/driver/nvidia/version').exists()
