import sys

from marsad.spark.run import main_spark

sys.exit(main_spark())
