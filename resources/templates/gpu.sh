#!/bin/bash
#SBATCH --job-name=gpu-job
#SBATCH --partition=gpu
#SBATCH --time=02:00:00
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=8
#SBATCH --gres=gpu:1
#SBATCH --mem=32G
#SBATCH --output=%x-%j.out

# Training on one GPU. Data loaders use the CPUs: give them a few per GPU.
module purge
module load python

nvidia-smi
python train.py
