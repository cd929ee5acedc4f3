variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "serveflow"
}

variable "environment" {
  description = "Environment name (production, staging, …); part of every resource name."
  type        = string
  default     = "production"
}

variable "region" {
  description = "AWS region."
  type        = string
  default     = "eu-west-1"
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

variable "domain_name" {
  description = "Public host name of the API (e.g. api.serveflow.example); the TLS certificate is issued for it."
  type        = string
}

variable "route53_zone_id" {
  description = "Route 53 hosted zone of domain_name. When set, certificate validation and the alias record are created; when empty, create them by hand (see README)."
  type        = string
  default     = ""
}

variable "client_origins" {
  description = "Browser origins allowed to open the GraphQL websocket (the web client's URL)."
  type        = list(string)
}

variable "client_url" {
  description = "Base URL of the web client, used in email links."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "availability_zones" {
  description = "Zones (of var.region) to spread subnets, tasks, the database and Redis over: 2 or 3, named explicitly so the layout never changes when AWS adds a zone."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b"]
  validation {
    condition     = length(var.availability_zones) >= 2 && length(var.availability_zones) <= 3
    error_message = "Use 2 or 3 availability zones (Redis failover and Multi-AZ need at least 2)."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all private subnets (cheaper) instead of one per zone (survives a zone outage)."
  type        = bool
  default     = false
}

variable "container_image" {
  description = "Image to run (e.g. <account>.dkr.ecr.<region>.amazonaws.com/serveflow-production:<git sha>). Push it to the ECR repository this module creates."
  type        = string
}

variable "app_cpu" {
  description = "Fargate CPU units of one ASGI task (1024 = 1 vCPU)."
  type        = number
  default     = 512
}

variable "app_memory" {
  description = "Fargate memory (MiB) of one ASGI task."
  type        = number
  default     = 1024
}

variable "app_min_count" {
  description = "Fewest ASGI tasks (at least 2: one per zone, so a task or a zone can fail)."
  type        = number
  default     = 2
  validation {
    condition     = var.app_min_count >= 2
    error_message = "Run at least 2 ASGI tasks."
  }
}

variable "app_max_count" {
  description = "Most ASGI tasks the autoscaler may run."
  type        = number
  default     = 10
}

variable "app_cpu_target_percent" {
  description = "Average CPU of the ASGI tasks that the autoscaler aims for."
  type        = number
  default     = 60
}

variable "worker_cpu" {
  description = "Fargate CPU units of one task worker."
  type        = number
  default     = 256
}

variable "worker_memory" {
  description = "Fargate memory (MiB) of one task worker."
  type        = number
  default     = 512
}

variable "worker_count" {
  description = "Task workers (`manage.py db_worker`); each task runs once however many there are."
  type        = number
  default     = 2
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_allocated_storage" {
  description = "Initial RDS storage (GiB)."
  type        = number
  default     = 50
}

variable "db_max_allocated_storage" {
  description = "RDS storage autoscaling ceiling (GiB)."
  type        = number
  default     = 500
}

variable "db_engine_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "17"
}

variable "db_backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 14
}

variable "db_multi_az" {
  description = "A standby database in a second zone with automatic failover."
  type        = bool
  default     = true
}

variable "db_pool_max" {
  description = "psycopg pool size per process; tasks × this must stay below the database's max_connections."
  type        = number
  default     = 10
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "redis_engine_version" {
  description = "Redis OSS engine version."
  type        = string
  default     = "7.1"
}

variable "media_url_expiry_seconds" {
  description = "Lifetime of the signed media URLs the API returns."
  type        = number
  default     = 3600
}

variable "log_retention_days" {
  description = "CloudWatch log retention (days)."
  type        = number
  default     = 365
}

variable "alb_idle_timeout_seconds" {
  description = "Seconds a connection may be idle before the load balancer closes it (websockets send keep-alive pings well within this)."
  type        = number
  default     = 300
}

variable "from_email" {
  description = "Sender of the platform's emails."
  type        = string
  default     = "ServeFlow <no-reply@serveflow.example>"
}

variable "integration_secrets" {
  description = "Keys of the integrations secret and their first values; operators replace them after the first apply (docs/operations.md). Terraform never overwrites them."
  type        = map(string)
  default = {
    EMAIL_URL             = "consolemail://"
    STRIPE_SECRET_KEY     = ""
    STRIPE_WEBHOOK_SECRET = ""
  }
}
