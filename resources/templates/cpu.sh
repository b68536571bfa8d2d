#!/bin/bash
#SBATCH --job-name=cpu-job
#SBATCH --time=01:00:00
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=4
#SBATCH --mem=8G
#SBATCH --output=%x-%j.out

# One program using 4 CPU cores of one node. Ask for what it really needs: the history
# shows how much of the CPUs, memory and time a finished job used.
module purge
module load python

export OMP_NUM_THREADS=$SLURM_CPUS_PER_TASK
python my_script.py
