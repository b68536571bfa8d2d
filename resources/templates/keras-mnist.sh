#!/bin/bash --login
#SBATCH --job-name=mnist
#SBATCH --output=%x.o.%j
#SBATCH --error=%x.e.%j
#SBATCH --partition=gpu
#SBATCH --time=00:10:00
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=8
#SBATCH --gres=gpu:1

# A Keras MNIST training run on one GPU, as in Cardiff's Hawk tutorial (mnist-test.py is
# the tutorial's script; put it in the working directory).
module purge
module load keras
module list

echo "Running on $(hostname), job $SLURM_JOB_ID, started $(date)"
time python mnist-test.py
echo "Finished $(date)"
