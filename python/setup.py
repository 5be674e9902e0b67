"""Builds rasd._rasd for pip with the project's CMake build (the build dir
`build/` of the repository, or $RASD_BUILD_DIR), then lets setuptools package
it with rasd/*.py. Use Debian's pip with --no-build-isolation (docs/python.md)."""
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = os.path.abspath(os.environ.get("RASD_BUILD_DIR", os.path.join(REPO, "build")))
        args = ["cmake", "-S", REPO, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release", "-DRASD_BUILD_PYTHON=ON"]
        # For the interpreter running pip (a venv's base interpreter, not the
        # venv's link to it); CMake picks /usr/bin/python3 by default.
        python = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
        if python != os.path.realpath("/usr/bin/python3"):
            args.append(f"-DPython3_EXECUTABLE={python}")
        subprocess.run(args, check=True)
        subprocess.run(["cmake", "--build", build_dir, "--target", "rasd_python", "-j2"], check=True)
        pkg = os.path.join(build_dir, "python", "rasd")
        built = [f for f in os.listdir(pkg) if f.startswith("_rasd.") and f.endswith(".so")]
        if len(built) != 1:
            raise RuntimeError(f"expected one _rasd.*.so in {pkg}, found {built}")
        dest = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(os.path.join(pkg, built[0]), dest)


setup(ext_modules=[Extension("rasd._rasd", sources=[])], cmdclass={"build_ext": CMakeBuild})
