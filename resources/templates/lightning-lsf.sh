#!/bin/sh
#BSUB -J lightning
#BSUB -q gpuv100
#BSUB -n 4
#BSUB -R "span[hosts=1]"
#BSUB -R "rusage[mem=5GB]"
#BSUB -gpu "num=1:mode=exclusive_process"
#BSUB -W 1:00
#BSUB -o lightning_%J.out
#BSUB -e lightning_%J.err

# A PyTorch Lightning training run on one GPU under LSF, like the job script of DTU's MLOps
# course (queue gpuv100 is DTU's; pick one of your cluster's GPU queues).
module load python3 cuda
source venv/bin/activate

nvidia-smi
python train.py --trainer.accelerator=gpu --trainer.devices=1
