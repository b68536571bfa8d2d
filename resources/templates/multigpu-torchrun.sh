#!/bin/bash
#SBATCH --job-name=ddp-train
#SBATCH --partition=gpu
#SBATCH --time=08:00:00
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=1
#SBATCH --cpus-per-task=16
#SBATCH --gres=gpu:4
#SBATCH --mem=128G
#SBATCH --output=%x-%j.out

# PyTorch DistributedDataParallel over every GPU of every node: one torchrun per node
# (started by srun), which starts one process per GPU. train.py reads LOCAL_RANK and RANK.
module purge
module load python

GPUS_PER_NODE=4
HEAD_NODE=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
export OMP_NUM_THREADS=$((SLURM_CPUS_PER_TASK / GPUS_PER_NODE))

srun torchrun \
    --nnodes="$SLURM_NNODES" \
    --nproc_per_node="$GPUS_PER_NODE" \
    --rdzv_id="$SLURM_JOB_ID" \
    --rdzv_backend=c10d \
    --rdzv_endpoint="$HEAD_NODE:29500" \
    train.py
