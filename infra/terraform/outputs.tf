output "api_url" {
  description = "The GraphQL endpoint (websockets on the same path, wss://)."
  value       = "https://${var.domain_name}/graphql/"
}

output "cms_url" {
  description = "The Wagtail admin."
  value       = "https://${var.domain_name}/cms/"
}

output "load_balancer_dns_name" {
  description = "Point domain_name at this (CNAME or alias) when route53_zone_id is not set."
  value       = aws_lb.main.dns_name
}

output "certificate_validation_records" {
  description = "DNS records that prove ownership of domain_name to ACM (create them by hand without route53_zone_id)."
  value       = [for option in aws_acm_certificate.api.domain_validation_options : { name = option.resource_record_name, type = option.resource_record_type, value = option.resource_record_value }]
}

output "ecr_repository_url" {
  description = "Push the image here: docker push <this>:<tag>."
  value       = aws_ecr_repository.app.repository_url
}

output "ecs_cluster" {
  description = "ECS cluster name (for `aws ecs run-task` of the migrate task)."
  value       = aws_ecs_cluster.main.name
}

output "migrate_task_definition" {
  description = "Run before each deploy: aws ecs run-task --task-definition <this> (README)."
  value       = aws_ecs_task_definition.migrate.family
}

output "private_subnet_ids" {
  description = "Subnets for one-off tasks (migrate)."
  value       = aws_subnet.private[*].id
}

output "app_security_group_id" {
  description = "Security group for one-off tasks (migrate)."
  value       = aws_security_group.app.id
}

output "media_bucket" {
  description = "Private media bucket."
  value       = aws_s3_bucket.media.bucket
}

output "database_endpoint" {
  description = "PostgreSQL endpoint (private)."
  value       = aws_db_instance.main.address
}

output "app_secret_arn" {
  description = "Secrets Manager secret with SECRET_KEY, DATABASE_URL, REDIS_URL."
  value       = aws_secretsmanager_secret.app.arn
}

output "integrations_secret_arn" {
  description = "Secrets Manager secret that operators fill in (Stripe, SMTP)."
  value       = aws_secretsmanager_secret.integrations.arn
}
