#!/bin/bash
#SBATCH --job-name=array-job
#SBATCH --time=00:30:00
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --array=1-10%4
#SBATCH --output=%x-%A_%a.out

# Ten tasks, at most four at a time; task N works on line N of inputs.txt.
module purge
module load python

INPUT=$(sed -n "${SLURM_ARRAY_TASK_ID}p" inputs.txt)
echo "Task $SLURM_ARRAY_TASK_ID of job $SLURM_ARRAY_JOB_ID: $INPUT"
python process.py "$INPUT"
